using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans;

public abstract class PlanImportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static ImportResult ReadSeed()
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        return PlanDocumentReader.ReadText(reader);
    }

    private async Task<Result<PlanImport>> ImportAsync(ImportResult read, PlanImportOptions? options = null)
    {
        await using var db = await database.CreateMigratedContextAsync();
        return await new PlanImportService(db, new FakeTimeProvider(TestTime.Written)).ImportAsync(read, options ?? new PlanImportOptions(), "prueba");
    }

    [Fact]
    public async Task Import_Seed_StoresWholePlanWithItsReport()
    {
        var outcome = await ImportAsync(ReadSeed());

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors.Values));
        await using var db = database.CreateContext();
        var plan = await db.Plans.Include(p => p.Entity).SingleAsync();
        Assert.Equal(2022, plan.Year);
        Assert.Equal("alcaldia-de-santiago-de-cali", plan.Entity!.Slug);
        Assert.Equal(6, await db.Components.CountAsync());
        Assert.Equal(17, await db.Subcomponents.CountAsync());
        Assert.Equal(62, await db.Activities.CountAsync());
        Assert.Equal(86, await db.Actions.CountAsync());
        var version = await db.PlanVersions.Include(v => v.ImportNotes).SingleAsync();
        Assert.Equal(1, version.Number);
        Assert.Equal(outcome.Value.Notes.Count, version.ImportNotes.Count);
    }

    [Fact]
    public async Task Import_Seed_TargetsOfActivity314AreStoredAsNumbers()
    {
        await ImportAsync(ReadSeed());

        await using var db = database.CreateContext();
        var targets = await db.Actions.Where(a => a.Activity!.Code == "3.1.4").OrderBy(a => a.Order).Select(a => a.TargetQuantity).ToListAsync();
        Assert.Equal([5000m, 2200m, 5000m, 700m, 400m], targets);
        var percentage = await db.Actions.SingleAsync(a => a.Activity!.Code == "1.3.4");
        Assert.Equal(TargetUnit.Percentage, percentage.TargetUnit);
        Assert.Equal(100m, percentage.TargetQuantity);
    }

    [Fact]
    public async Task Import_Seed_SubUnitHangsFromItsDepartmentAndIsStoredOnce()
    {
        await ImportAsync(ReadSeed());

        await using var db = database.CreateContext();
        var sub = await db.Units.Include(u => u.Parent).Where(u => u.Name == "Subdirección de Gestión Organizacional").ToListAsync();
        var unit = Assert.Single(sub);
        Assert.Equal("Departamento Administrativo de Desarrollo e Innovación Institucional", unit.Parent!.Name);
        Assert.True(await db.ActionUnits.CountAsync(x => x.UnitId == unit.Id) > 5);
        var names = await db.Units.Select(u => new { u.ParentId, u.NormalizedName }).ToListAsync();
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task Import_Seed_TheHeadersHierarchyBecomesTheCatalogues()
    {
        var outcome = await ImportAsync(ReadSeed());

        await using var db = database.CreateContext();
        var units = await db.Units.Include(u => u.Parent).ToListAsync();
        foreach (var office in new[] { "Oficina de Comunicaciones", "Oficina Asesora de Transparencia" })
        {
            var unit = Assert.Single(units, u => u.Name == office);
            Assert.Equal("Secretaría de Gobierno", unit.Parent?.Name);
            Assert.True(await db.ActionUnits.AnyAsync(x => x.UnitId == unit.Id));
        }
        Assert.Null(Assert.Single(units, u => u.Name == "Secretaría de Gobierno").ParentId);
        Assert.Contains(outcome.Value.Notes, n => n.Kind == ImportNoteKind.Warning
            && n.Message.Contains("«Oficina de Comunicaciones» se asignó a «Secretaría de Gobierno / Oficina de Comunicaciones»", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_Seed_VariantsOfOneUnitAreMergedWithANote_DifferentOfficesAreNot()
    {
        var outcome = await ImportAsync(ReadSeed());

        await using var db = database.CreateContext();
        var names = await db.Units.Select(u => u.Name).ToListAsync();
        Assert.Single(names, n => n.StartsWith("Departamento Administrativo de Control Interno", StringComparison.Ordinal));
        Assert.Contains("Departamento Administrativo de Control Interno", names);
        Assert.Contains("Departamento Administrativo de Control Disciplinario Interno", names);
        Assert.Single(names, n => n.StartsWith("Departamento Administrativo de Tecnologías", StringComparison.Ordinal));
        var merges = outcome.Value.Notes.Where(n => n.Message.Contains("se registraron como una sola unidad", StringComparison.Ordinal)).ToList();
        Assert.Contains(merges, n => n.Message.Contains("«Departamento Administrativo de Control Interno DACI»", StringComparison.Ordinal));
        Assert.Contains(merges, n => n.Message.Contains("Tecnologías de Información y las Comunicaciones»", StringComparison.Ordinal));
        var version = await db.PlanVersions.Include(v => v.ImportNotes).SingleAsync();
        Assert.Contains(version.ImportNotes, n => n.Message.Contains("DACI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_SamePlanTwice_IsRejectedAndChangesNothing()
    {
        await ImportAsync(ReadSeed());

        var second = await ImportAsync(ReadSeed());

        Assert.False(second.Succeeded);
        Assert.Equal(ResultStatus.Invalid, second.Status);
        Assert.Contains("ya tiene un plan", second.Errors[""], StringComparison.Ordinal);
        Assert.Contains(second.Value.Notes, n => n.Kind == ImportNoteKind.Error && n.Message.Contains("ya tiene un plan", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Plans.CountAsync());
        Assert.Equal(86, await db.Actions.CountAsync());
    }

    [Fact]
    public async Task Import_UnreadableDocument_ChangesNothing()
    {
        var read = PlanDocumentReader.ReadText(new StringReader("esto no es un plan\nni tiene tabla\n"));

        var outcome = await ImportAsync(read);

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Value.Notes, n => n.Kind == ImportNoteKind.Error);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Plans.CountAsync());
        Assert.Equal(0, await db.Units.CountAsync());
    }

    [Fact]
    public async Task Import_YearOptionDiffersFromDocument_UsesOptionAndSaysSo()
    {
        var outcome = await ImportAsync(ReadSeed(), new PlanImportOptions(Year: 2023, EntityName: "Alcaldía de Prueba"));

        Assert.True(outcome.Succeeded);
        Assert.Equal(2023, outcome.Value.Year);
        Assert.Equal("alcaldia-de-prueba", outcome.Value.EntitySlug);
        Assert.Contains(outcome.Value.Notes, n => n.Kind == ImportNoteKind.Warning && n.Message.Contains("2022", StringComparison.Ordinal));
    }
}

public class SqlitePlanImportServiceTests() : PlanImportServiceTests(DatabaseProvider.Sqlite);

public class PostgresPlanImportServiceTests() : PlanImportServiceTests(DatabaseProvider.Postgres);
