using System.Text;
using Vigia.Core.Audit;
using Vigia.Core.Files;

namespace Vigia.Web.Pages.Audit;

/// <summary>The whole trail for administrators: filter by person, record and date, export as CSV, verify the chain, and
/// compare the present data and files with it.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock, AuditKeys keys, AuditOptions auditOptions, IFileStore files,
    IEnumerable<IStoredFileCatalog> catalogs) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "persona")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "registro")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "desde")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "hasta")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }
    public AuditReconciliation? Reconciliation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        EntityTypes = await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        Result = await AuditQuery.ListAsync(db, Filter(), Math.Max(1, PageNumber), 50, ct);
    }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditVerifier.VerifyAsync(db, keys.Ring, ct: ct);
        await OnGetAsync(ct);
    }

    public async Task OnPostReconcileAsync(CancellationToken ct)
    {
        Reconciliation = await AuditReconciler.ReconcileAsync(db, auditOptions, files, catalogs, ct);
        await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        await AuditCsv.WriteAsync(writer, db.AuditEntries.AsNoTracking().Filter(Filter()).OrderBy(e => e.Sequence), ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"auditoria-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv");
        return File(new UTF8Encoding(false).GetBytes(writer.ToString()), "text/csv; charset=utf-8", name);
    }

    /// <summary>The filters in force and a page number, as the query of a link to this page (<c>asp-all-route-data</c>);
    /// filters left empty are left out.</summary>
    public Dictionary<string, string> Query(int page) =>
        new Dictionary<string, string?>
        {
            ["persona"] = Person,
            ["registro"] = EntityType,
            ["id"] = EntityId,
            ["desde"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["hasta"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["pagina"] = page.ToString(CultureInfo.InvariantCulture),
        }
        .Where(v => !string.IsNullOrEmpty(v.Value))
        .ToDictionary(v => v.Key, v => v.Value!);

    /// <summary>Dates are Colombian calendar days: "hasta 2026-11-26" includes that whole day.</summary>
    private AuditFilter Filter() => new(
        Actor: string.IsNullOrWhiteSpace(Person) ? null : Person.Trim(),
        EntityType: string.IsNullOrWhiteSpace(EntityType) ? null : EntityType,
        EntityId: string.IsNullOrWhiteSpace(EntityId) ? null : EntityId.Trim(),
        From: From is { } f ? ColombianTime.StartOfDay(f) : null,
        To: To is { } t ? ColombianTime.StartOfDay(t.AddDays(1)) : null);
}
