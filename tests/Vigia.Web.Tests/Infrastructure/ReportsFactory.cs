using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>The application as <see cref="VigiaFactory"/> makes it, on Monday 4 April 2022 at 9:00 in Colombia
/// (a fake clock: March's reports are due until Thursday 7 April), with uploads in a temporary folder and a 64 KB
/// limit so that "too large" is cheap to test.</summary>
public abstract class ReportsFactory(DatabaseProvider provider) : VigiaFactory(provider)
{
    public const long MaxUploadBytes = 64 * 1024;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 4, 4, 9, 0, 0, TimeSpan.FromHours(-5)).ToUniversalTime());

    public string UploadRoot { get; } = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"), "uploads");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:Root", UploadRoot);
        builder.UseSetting("Uploads:MaxBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private ReportsPeople? people;

    /// <summary>The people the reporting tests act as, each signed in once per factory.</summary>
    public ReportsPeople People => people ??= new ReportsPeople(this);

    public int StoredFileCount() => Directory.Exists(UploadRoot) ? Directory.GetFiles(UploadRoot, "*", SearchOption.AllDirectories).Length : 0;

    /// <summary>The id of an action of the 2022 plan by activity code and number ("3.1.4", 2).</summary>
    public async Task<int> ActionIdAsync(string activityCode, int number)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Actions.Where(a => a.Activity!.Code == activityCode && a.Order == number && a.Activity.Component!.Plan!.Year == 2022)
            .Select(a => a.Id).SingleAsync();
    }

    /// <summary>Gives an action planned quantities by month (the bundled plan has no monthly schedule).</summary>
    public async Task ScheduleAsync(int actionId, params (int Month, decimal Planned)[] months)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (month, planned) in months)
        {
            if (!await db.ScheduleEntries.AnyAsync(s => s.ActionId == actionId && s.Month == month))
            {
                db.ScheduleEntries.Add(new ScheduleEntry { ActionId = actionId, Month = month, PlannedQuantity = planned });
            }
        }
        await db.SaveChangesAsync();
    }

    public async Task<List<ProgressReport>> ReportsAsync(int actionId)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ProgressReports.AsNoTracking()
            .Include(r => r.Evidence).Where(r => r.ActionId == actionId).OrderBy(r => r.Id).ToListAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        var folder = Path.GetDirectoryName(UploadRoot)!;
        if (disposing && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class SqliteReportsFactory() : ReportsFactory(DatabaseProvider.Sqlite);

public sealed class PostgresReportsFactory() : ReportsFactory(DatabaseProvider.Postgres);

/// <summary>One signed-in client per person, created on first use: a Responsable of the Oficina de Comunicaciones
/// (actions 3.1.4 and 3.1.5 of component 3), one of the Subdirección de Gestión Organizacional (component 1), the
/// Líder of component 3, and Control Interno.</summary>
public sealed class ReportsPeople(VigiaFactory factory)
{
    private readonly Lazy<Task<HttpClient>> communications = new(() =>
        factory.SignInNewPersonAsync("Camila Comunicaciones", Roles.Responsible, unitNames: ["Oficina de Comunicaciones"]));
    private readonly Lazy<Task<HttpClient>> organisation = new(() =>
        factory.SignInNewPersonAsync("Sergio Subdirección", Roles.Responsible, unitNames: ["Subdirección de Gestión Organizacional"]));
    private readonly Lazy<Task<HttpClient>> leader = new(() =>
        factory.SignInNewPersonAsync("Lina Líder", Roles.ComponentLeader, componentNumbers: [3]));
    private readonly Lazy<Task<HttpClient>> internalControl = new(() =>
        factory.SignInNewPersonAsync("Óscar Control", Roles.InternalControl));

    public Task<HttpClient> CommunicationsResponsibleAsync() => communications.Value;

    public Task<HttpClient> OrganisationResponsibleAsync() => organisation.Value;

    public Task<HttpClient> LeaderOfComponent3Async() => leader.Value;

    public Task<HttpClient> InternalControlAsync() => internalControl.Value;
}
