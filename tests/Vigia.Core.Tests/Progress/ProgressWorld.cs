using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Files;
using Vigia.Core.Mail;
using Vigia.Core.Monitoring;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Reminders;
using Vigia.Core.Schedule;
using Vigia.Core.Tests.Files;

namespace Vigia.Core.Tests.Progress;

/// <summary>
/// A small plan of 2022 on a fresh database: component 3 with action A (count target, units: the Subdirección,
/// under its Departamento; planned 100 in March and 200 in April) and action B (percentage target, unit Otra
/// oficina; planned 50 in March), component 1 with action C (unit Otra oficina, planned 1 in March); and one
/// person per role. The clock starts on Monday 4 April 2022, 9:00 in Colombia: March's deadline (fifth
/// business day of April) is Thursday 7 April.
/// </summary>
public sealed class ProgressWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday4April2022 = new(2022, 4, 4, 9, 0, 0, ColombianTime.Offset);

    private readonly TestDatabase database;
    private readonly List<AppDbContext> contexts = [];

    private ProgressWorld(TestDatabase database) => this.database = database;

    public FakeTimeProvider Clock { get; private set; } = new(Monday4April2022.ToUniversalTime());
    public string UploadRoot { get; } = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"));
    public long MaxUploadBytes { get; set; } = 64 * 1024;

    public int ActionA { get; private set; }
    public int ActionB { get; private set; }
    public int ActionC { get; private set; }
    public int Component3 { get; private set; }
    public int Component1 { get; private set; }

    public Actor Responsible { get; private set; } = null!;
    public Actor OtherResponsible { get; private set; } = null!;
    public Actor Leader { get; private set; } = null!;
    public Actor OtherLeader { get; private set; } = null!;
    public Actor Planning { get; private set; } = null!;
    public Actor InternalControl { get; private set; } = null!;

    public static async Task<ProgressWorld> CreateAsync(DatabaseProvider provider)
    {
        var world = new ProgressWorld(await TestDatabase.CreateAsync(provider));
        await using (var db = await world.database.CreateMigratedContextAsync())
        {
            await world.SeedAsync(db);
        }
        return world;
    }

    /// <summary>An audited context on the world's database, disposed with the world.</summary>
    public AppDbContext Db(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] extra) => Db(new AuditScope(), extra);

    /// <summary>An audited context whose interceptor reads <paramref name="scope"/>: a service given the same scope can
    /// state the reason a change to a published plan needs.</summary>
    public AppDbContext Db(AuditScope scope, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] extra)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, Clock));
        options.AddInterceptors(extra);
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        return db;
    }

    /// <summary>A context without the audit interceptor, for arranging data behind the services' back.</summary>
    public AppDbContext Raw() => database.CreateContext();

    public IFileStore FileStore() =>
        new LocalFileStore(Options.Create(new UploadOptions { Root = UploadRoot, MaxBytes = MaxUploadBytes }), Clock);

    public ProgressService Reporting(AppDbContext? db = null)
    {
        db ??= Db();
        return new ProgressService(db, new ActionAccess(db), FileStore(), new ProgressSettings(db), new AuditScope(), Clock);
    }

    public MonitoringService Monitoring(AppDbContext? db = null)
    {
        db ??= Db();
        return new MonitoringService(db, new ActionAccess(db), new AuditScope(), Clock);
    }

    public ReminderService Reminders(IEmailSender sender, string? baseUrl = "https://vigia.cali.gov.co")
    {
        var db = Db();
        var settings = new ProgressSettings(db);
        return new ReminderService(db, sender, new ProgressAgenda(db, settings, Clock), settings, Clock,
            Options.Create(new ReminderOptions { PublicBaseUrl = baseUrl }), NullLogger<ReminderService>.Instance);
    }

    public string[] StoredFiles() =>
        Directory.Exists(UploadRoot) ? Directory.GetFiles(UploadRoot, "*", SearchOption.AllDirectories) : [];

    /// <summary>Sets the clock to an hour of a day in Colombia (kept in UTC, as a real clock gives it and as
    /// PostgreSQL requires).</summary>
    /// <remarks>A fake clock only moves forwards; going back replaces it (services made afterwards get the new one).</remarks>
    public void SetClock(int year, int month, int day, int hour = 9, int minute = 0)
    {
        var at = new DateTimeOffset(year, month, day, hour, minute, 0, ColombianTime.Offset).ToUniversalTime();
        if (at < Clock.GetUtcNow())
        {
            Clock = new FakeTimeProvider(at);
        }
        else
        {
            Clock.SetUtcNow(at);
        }
    }

    public async Task SetSettingAsync(string key, string value)
    {
        await using var db = database.CreateContext();
        db.Settings.Add(new AppSetting { Key = key, Value = value });
        await db.SaveChangesAsync();
    }

    public static EvidenceUpload Pdf(string name = "acta.pdf") => new(new MemoryStream(SampleFiles.Pdf()), name);

    public static ReportDraft Draft(int month = 3, decimal quantity = 80, params EvidenceUpload[] files) =>
        new(month, quantity, "Se realizaron las jornadas previstas.", [], files.Length == 0 ? [Pdf()] : files);

    /// <summary>Submits a report of action A for March as the Responsable and returns its id.</summary>
    public async Task<int> SubmitAsync(int? actionId = null, ReportDraft? draft = null, Actor? actor = null)
    {
        var result = await Reporting().SubmitAsync(actor ?? Responsible, actionId ?? ActionA, draft ?? Draft());
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Value;
    }

    public async Task<ProgressReport> ReportAsync(int id)
    {
        await using var db = database.CreateContext();
        return await db.ProgressReports.Include(r => r.Evidence).SingleAsync(r => r.Id == id);
    }

    public async Task<List<ProgressReport>> ReportsAsync()
    {
        await using var db = database.CreateContext();
        return await db.ProgressReports.Include(r => r.Evidence).OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>Adds a person with roles, units and components straight into the tables (no Identity manager needed).</summary>
    public async Task<Actor> AddPersonAsync(string email, string name, string[] roles, int[]? units = null, int[]? components = null, bool active = true,
        int? entityId = null)
    {
        await using var db = database.CreateContext();
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, IsActive = active, CreatedAt = Clock.GetUtcNow(), EntityId = entityId };
        user.Units.AddRange((units ?? []).Select(u => new UserUnit { UserId = user.Id, UnitId = u }));
        user.Components.AddRange((components ?? []).Select(c => new UserComponent { UserId = user.Id, ComponentId = c }));
        db.Users.Add(user);
        foreach (var role in roles)
        {
            var stored = await db.Roles.FirstOrDefaultAsync(r => r.Name == role) ?? db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() }).Entity;
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = stored.Id });
        }
        await db.SaveChangesAsync();
        return new Actor(user.Id, name, roles.ToHashSet());
    }

    private async Task SeedAsync(AppDbContext db)
    {
        var entity = new Entity { Name = "Alcaldía de Prueba", Slug = "prueba" };
        var department = new Unit { Entity = entity, Name = "Departamento Administrativo", NormalizedName = "departamento administrativo" };
        var subdirection = new Unit { Entity = entity, Parent = department, Name = "Subdirección de Gestión Organizacional", NormalizedName = "subdireccion de gestion organizacional" };
        var other = new Unit { Entity = entity, Name = "Otra oficina", NormalizedName = "otra oficina" };
        PlanAction a = Action("Realizar jornadas de socialización", 5000, TargetUnit.Count, subdirection, (3, 100), (4, 200));
        PlanAction b = Action("Publicar el informe", 100, TargetUnit.Percentage, other, (3, 50));
        PlanAction c = Action("Actualizar el mapa de riesgos", 1, TargetUnit.Count, other, (3, 1));
        b.Order = 2;
        var component3 = new Component { Number = 3, Name = "RENDICIÓN DE CUENTAS", Activities = [new Activity { Code = "3.1.4", Name = "Socializar", Order = 1, Actions = [a, b] }] };
        var component1 = new Component { Number = 1, Name = "GESTIÓN DEL RIESGO", Activities = [new Activity { Code = "1.1.1", Name = "Mapa", Order = 1, Actions = [c] }] };
        db.Plans.Add(new Plan
        {
            Entity = entity,
            Year = 2022,
            Title = "Plan Anticorrupción y de Atención al Ciudadano 2022",
            Status = PlanStatus.Published,
            CreatedAt = Clock.GetUtcNow(),
            Components = [component1, component3],
        });
        db.Units.AddRange(department, subdirection, other);
        await db.SaveChangesAsync();
        (ActionA, ActionB, ActionC, Component3, Component1) = (a.Id, b.Id, c.Id, component3.Id, component1.Id);

        Responsible = await AddPersonAsync("sgo@cali.gov.co", "María Peña", [Roles.Responsible], units: [subdirection.Id]);
        OtherResponsible = await AddPersonAsync("otra@cali.gov.co", "Jorge Ruiz", [Roles.Responsible], units: [other.Id]);
        Leader = await AddPersonAsync("lider3@cali.gov.co", "Lucía Líder", [Roles.ComponentLeader], components: [component3.Id]);
        OtherLeader = await AddPersonAsync("lider1@cali.gov.co", "Luis Líder", [Roles.ComponentLeader], components: [component1.Id]);
        Planning = await AddPersonAsync("planeacion@cali.gov.co", "Pilar Planeación", [Roles.Planning], entityId: entity.Id);
        InternalControl = await AddPersonAsync("oci@cali.gov.co", "Óscar Control", [Roles.InternalControl]);
    }

    private static PlanAction Action(string description, decimal target, TargetUnit unit, Unit responsible, params (int Month, decimal Planned)[] schedule) => new()
    {
        Order = 1,
        Description = description,
        Goal = description,
        TargetQuantity = target,
        TargetUnit = unit,
        ResponsibleUnits = [new ActionUnit { Unit = responsible }],
        Schedule = schedule.Select(s => new ScheduleEntry { Month = s.Month, PlannedQuantity = s.Planned }).ToList(),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
        await database.DisposeAsync();
        if (Directory.Exists(UploadRoot))
        {
            Directory.Delete(UploadRoot, recursive: true);
        }
    }
}
