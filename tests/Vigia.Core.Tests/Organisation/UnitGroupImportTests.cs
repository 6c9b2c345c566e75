using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Organisation;

/// <summary>The seed's collective responsibles become groups at import, Planeación maps them once, and the next year's
/// import finds them mapped.</summary>
public abstract class UnitGroupImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static ImportResult ReadSeed()
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        return PlanDocumentReader.ReadText(reader);
    }

    private async Task<PlanImport> ImportAsync(int? year = null)
    {
        await using var db = await database.CreateMigratedContextAsync();
        var result = await new PlanImportService(db, new FakeTimeProvider(TestTime.Written)).ImportAsync(ReadSeed(), new PlanImportOptions(Year: year), "prueba");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Values));
        return result.Value;
    }

    private AppDbContext Audited() => database.CreateContext();

    private static UnitGroupService Service(AppDbContext db) => new(db, new AuditScope());

    private async Task<Actor> PlanningAsync(AppDbContext db, params int[] units)
    {
        // The account's entity, as the administrator sets it: its units' entity, or the seed's.
        var entityId = units.Length > 0 ? await db.Units.Where(u => u.Id == units[0]).Select(u => u.EntityId).SingleAsync()
            : await db.Entities.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var user = new AppUser { UserName = $"p{Guid.NewGuid():N}@cali.gov.co", Email = "p@cali.gov.co", DisplayName = "Pilar Planeación", CreatedAt = TestTime.Written, EntityId = entityId };
        user.Units.AddRange(units.Select(u => new UserUnit { UserId = user.Id, UnitId = u }));
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new Actor(user.Id, "Pilar Planeación", new HashSet<string> { Roles.Planning });
    }

    [Fact]
    public async Task Import_Seed_Assigns26ActionsToGroupsInsteadOfInventingUnits()
    {
        var import = await ImportAsync();

        await using var db = database.CreateContext();
        Assert.Equal(26, await db.Actions.CountAsync(a => a.ResponsibleGroups.Any()));
        var groups = await db.UnitGroups.Include(g => g.Spellings).OrderBy(g => g.RuleKey).ToListAsync();
        Assert.Equal(["lideres-de-componente", "organismos-con-tramites", "organismos-misionales", "organismos-no-misionales", "organismos-que-suscriben",
            "procesos-con-materializaciones", "todos-los-organismos", "todos-los-procesos"], groups.Select(g => g.RuleKey));
        var organismos = groups.Single(g => g.RuleKey == "todos-los-organismos");
        Assert.Equal(
            ["todos los organismos", "todos los organismos de la administracion central", "todos los organismos de la administracion central municipal que poseen tramites y/o servicios",
             "todos los organismos y unidades administrativas especiales", "todos los organismos y unidades especiales"],
            organismos.Spellings.Select(s => s.NormalizedText).Order(StringComparer.Ordinal));
        Assert.False(await db.Units.AnyAsync(u => u.NormalizedName.StartsWith("todos los") || u.NormalizedName.StartsWith("lideres de cada")
            || u.NormalizedName.StartsWith("organismos") || u.NormalizedName.StartsWith("solo los procesos")));
        Assert.Equal(7, await db.Actions.CountAsync(a => a.ResponsibleGroups.Any(g => g.Group!.RuleKey == "todos-los-procesos" || g.Group.RuleKey == "procesos-con-materializaciones")
            || a.ResponsibleGroups.Any(g => g.Group!.RuleKey == "lideres-de-componente")));
        // The action 4.4.2 keeps its coordinating unit beside the group.
        var clearLanguage = await db.Actions.Include(a => a.ResponsibleUnits).ThenInclude(u => u.Unit).Include(a => a.ResponsibleGroups)
            .FirstAsync(a => a.Activity!.Code == "4.4.2");
        Assert.Equal("Subdirección de Trámites, Servicios y Gestión Documental", Assert.Single(clearLanguage.ResponsibleUnits).Unit!.Name);
        Assert.Equal("Todos los organismos", Assert.Single(clearLanguage.ResponsibleGroups).Spelling);
        var notes = import.Notes.Where(n => n.Message.StartsWith("Responsable colectivo:", StringComparison.Ordinal)).ToList();
        Assert.Equal(26, notes.Count);
        Assert.Contains(notes, n => n.Message == "Responsable colectivo: «Todos los organismos y Unidades Administrativas Especiales» "
            + "(grupo «Todos los organismos de la Administración»); Planeación debe indicar sus unidades");
        Assert.Equal(26, await db.ImportNotes.CountAsync(n => n.Message.StartsWith("Responsable colectivo:")));
    }

    [Fact]
    public async Task Mapping_IsReusedByNextYearsImport()
    {
        await ImportAsync();
        int groupId;
        int[] units;
        await using (var db = Audited())
        {
            groupId = await db.UnitGroups.Where(g => g.RuleKey == "todos-los-organismos").Select(g => g.Id).SingleAsync();
            units = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => u.Id).Take(3).ToArrayAsync();
            var planning = await PlanningAsync(db);
            var mapped = await Service(db).SetMembersAsync(planning, groupId, units);
            Assert.True(mapped.Succeeded, string.Join(" ", mapped.Errors.Values));
        }

        var next = await ImportAsync(year: 2023);

        await using var check = database.CreateContext();
        Assert.Equal(8, await check.UnitGroups.CountAsync());
        var plan2023 = await check.Plans.Where(p => p.Year == 2023).Select(p => p.Id).SingleAsync();
        Assert.Equal(26, await check.Actions.CountAsync(a => a.Activity!.Component!.PlanId == plan2023 && a.ResponsibleGroups.Any()));
        Assert.True(await check.ActionUnitGroups.CountAsync(x => x.GroupId == groupId && x.Action!.Activity!.Component!.PlanId == plan2023) > 10);
        Assert.Contains(next.Notes, n => n.Message.Contains("(grupo «Todos los organismos de la Administración», ya asignado a 3 unidades)", StringComparison.Ordinal));
        Assert.Contains(next.Notes, n => n.Message.EndsWith("Planeación debe indicar sus unidades", StringComparison.Ordinal));
        Assert.Equal(units, await check.UnitGroupMembers.Where(m => m.GroupId == groupId).OrderBy(m => m.UnitId).Select(m => m.UnitId).ToArrayAsync());
    }

    [Fact]
    public async Task Mapping_ByPlaneacionOfAnotherEntity_IsForbiddenAndChangesNothing()
    {
        await ImportAsync();
        await using var db = Audited();
        var other = new Entity { Name = "Gobernación de Prueba", Slug = "gobernacion-de-prueba" };
        var otherUnit = new Unit { Entity = other, Name = "Secretaría de Planeación", NormalizedName = "secretaria de planeacion" };
        db.Units.Add(otherUnit);
        await db.SaveChangesAsync();
        var stranger = await PlanningAsync(db, otherUnit.Id);
        var group = await db.UnitGroups.FirstAsync();
        var unit = await db.Units.Where(u => u.EntityId == group.EntityId).Select(u => u.Id).FirstAsync();

        var result = await Service(db).SetMembersAsync(stranger, group.Id, [unit]);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal(0, await database.CreateContext().UnitGroupMembers.CountAsync());
    }

    [Fact]
    public async Task Mapping_ToAnotherEntitysUnit_IsInvalidAndChangesNothing()
    {
        await ImportAsync();
        await using var db = Audited();
        var other = new Entity { Name = "Gobernación de Prueba", Slug = "gobernacion-de-prueba" };
        var otherUnit = new Unit { Entity = other, Name = "Secretaría de Planeación", NormalizedName = "secretaria de planeacion" };
        db.Units.Add(otherUnit);
        await db.SaveChangesAsync();
        var planning = await PlanningAsync(db);
        var group = await db.UnitGroups.FirstAsync();

        var result = await Service(db).SetMembersAsync(planning, group.Id, [otherUnit.Id]);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("unidades activas de la entidad", result.Errors[UnitGroupFields.Units], StringComparison.Ordinal);
        Assert.Equal(0, await database.CreateContext().UnitGroupMembers.CountAsync());
    }

    [Fact]
    public async Task Mapping_ByAResponsable_IsForbidden()
    {
        await ImportAsync();
        await using var db = Audited();
        var group = await db.UnitGroups.FirstAsync();
        var unit = await db.Units.Select(u => u.Id).FirstAsync();
        var responsible = new Actor("alguien", "Alguien", new HashSet<string> { Roles.Responsible });

        var result = await Service(db).SetMembersAsync(responsible, group.Id, [unit]);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }
}

public sealed class SqliteUnitGroupImportTests() : UnitGroupImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresUnitGroupImportTests() : UnitGroupImportTests(DatabaseProvider.Postgres);
