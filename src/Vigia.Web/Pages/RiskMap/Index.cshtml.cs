using Vigia.Core.OpenData;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Web.Pages.RiskMap;

/// <summary>A heat map as a page draws it: the grid, which map it is, and the address each cell links to.</summary>
public sealed record HeatMapView(string Id, string Title, string Description, HeatMapGrid Grid, Func<HeatMapCount, string> Link);

public sealed record PublicProcess(int Id, string Name, int Risks);

/// <summary>The corruption risk map of a year for citizens: the entity's (or one process's) inherent and residual
/// heat maps with the risks counted in each cell, the data beside them, and the risks of a chosen cell.</summary>
public class IndexModel(AppDbContext db, RiskMethodCatalog methods, TimeProvider clock) : PageModel
{
    public const string InherentMap = "inherente";
    public const string ResidualMap = "residual";

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "entidad")]
    public string? EntitySlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "proceso")]
    public int? ProcessId { get; set; }

    [BindProperty(SupportsGet = true, Name = "mapa")]
    public string? Map { get; set; }

    [BindProperty(SupportsGet = true, Name = "probabilidad")]
    public int? Probability { get; set; }

    [BindProperty(SupportsGet = true, Name = "impacto")]
    public int? Impact { get; set; }

    public int ShownYear { get; private set; }
    public string? EntityName { get; private set; }
    public string? Slug { get; private set; }
    public string? ProcessName { get; private set; }
    public IReadOnlyList<PublicProcess> Processes { get; private set; } = [];
    public HeatMapView? Inherent { get; private set; }
    public HeatMapView? Residual { get; private set; }
    public IReadOnlyList<RiskRow> Rows { get; private set; } = [];

    /// <summary>The published map's accepted monitoring and its materializations, counted per risk in the table.</summary>
    public PublicRiskTracking Tracking { get; private set; } = new([], []);
    public string? CellFilter { get; private set; }

    /// <summary>The published version shown; null when the year's map has not been published.</summary>
    public RiskMapVersionSummary? Version { get; private set; }

    /// <summary>How many versions of the year's map are public (a link to the versions page when more than one).</summary>
    public int PublishedVersions { get; private set; }

    [BindProperty(SupportsGet = true, Name = "version")]
    public int? VersionNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var entity = await EntityAsync(ct);
        if (entity is null)
        {
            return EntitySlug is null ? Page() : NotFound();
        }
        (EntityName, Slug) = (entity.Name, entity.Slug);
        var published = await RiskMapVersions.PublishedAsync(db, entity.Id, ShownYear, VersionNumber, ct);
        if (published is null)
        {
            return VersionNumber is null ? Page() : NotFound();
        }
        Version = published.Version;
        PublishedVersions = (await RiskMapVersions.ListAsync(db, entity.Id, ShownYear, includeDrafts: false, ct)).Count;
        var all = published.Content.ToRisks();
        Processes = all.GroupBy(r => r.ProcessId).Select(g => new PublicProcess(g.Key, g.First().Process!.Name, g.Count()))
            .OrderBy(p => p.Name, SpanishText.NameOrder).ToList();
        var risks = all;
        if (ProcessId is { } pid)
        {
            ProcessName = Processes.FirstOrDefault(p => p.Id == pid)?.Name;
            if (ProcessName is null)
            {
                return NotFound();
            }
            risks = all.Where(r => r.ProcessId == pid).ToList();
        }
        var method = (await methods.LatestAsync(ct: ct))!.Definition();
        var scope = ProcessName is null ? EntityName : $"el proceso {ProcessName}";
        Inherent = View(InherentMap, $"Riesgo inherente {ShownYear}: {scope}", method, risks.Select(r => (r.InherentProbability, r.InherentImpact)));
        Residual = View(ResidualMap, $"Riesgo residual {ShownYear}: {scope}", method, risks.Select(r => (r.ResidualProbability, r.ResidualImpact)));
        var shown = risks.Where(r => Probability is null || Impact is null
            || (Map == ResidualMap ? (r.ResidualProbability, r.ResidualImpact) : (r.InherentProbability, r.InherentImpact)) == (Probability.Value, Impact.Value));
        Rows = RiskRow.From(shown, await methods.DefinitionsAsync(ct));
        Tracking = await PublicRiskTracking.LoadAsync(db, entity.Id, published.Content, ct);
        if (Probability is { } p && Impact is { } i && method.ProbabilityLevels.Any(l => l.Level == p) && method.ImpactLevels.Any(l => l.Level == i))
        {
            CellFilter = $"{(Map == ResidualMap ? "riesgo residual" : "riesgo inherente")} con probabilidad {method.Probability(p).Name.ToLower(SpanishFormat.Culture)} e impacto {method.Impact(i).Name.ToLower(SpanishFormat.Culture)}";
        }
        return Page();
    }

    /// <summary>The consolidated map of the published version (one row per control, DAFP v5 matrix columns).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var entity = await EntityAsync(ct);
        var published = entity is null ? null : await RiskMapVersions.PublishedAsync(db, entity.Id, ShownYear, VersionNumber, ct);
        if (published is null)
        {
            return NotFound();
        }
        using var stream = new MemoryStream();
        RiskMapXlsx.Write(published.Content.ToRisks(), await methods.DefinitionsAsync(ct), published.Content.Entity, ShownYear, stream, published.Version.Label);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"mapa-riesgos-{entity!.Slug}-{ShownYear}-v{published.Version.Number}.xlsx");
    }

    /// <summary>The consolidated map of the published version as a tagged PDF, one section per process.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var entity = await EntityAsync(ct);
        var published = entity is null ? null : await RiskMapVersions.PublishedAsync(db, entity.Id, ShownYear, VersionNumber, ct);
        if (published is null)
        {
            return NotFound();
        }
        using var stream = new MemoryStream();
        RiskMapPdf.Write(published.Content, published.Version.Label, await methods.DefinitionsAsync(ct), stream);
        return File(stream.ToArray(), "application/pdf", $"mapa-riesgos-{entity!.Slug}-{ShownYear}-v{published.Version.Number}.pdf");
    }

    internal sealed record EntityRef(int Id, string Name, string Slug);

    /// <summary>The entity named in the address, or the first with a published map of the year; null when there is none.</summary>
    private async Task<EntityRef?> EntityAsync(CancellationToken ct)
    {
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : ColombianTime.Today(clock).Year;
        return await FindEntityAsync(db, EntitySlug, ShownYear, ct);
    }

    internal static Task<EntityRef?> FindEntityAsync(AppDbContext db, string? slug, int year, CancellationToken ct) =>
        db.Entities.AsNoTracking()
            .Where(e => slug == null ? db.RiskMapVersions.Any(v => v.Year == year && v.EntityId == e.Id && v.PublishedAt != null) : e.Slug == slug)
            .OrderBy(e => e.Name).Select(e => new EntityRef(e.Id, e.Name, e.Slug)).FirstOrDefaultAsync(ct);

    private HeatMapView View(string map, string title, RiskMethodDefinition method, IEnumerable<(int, int)> positions)
    {
        var grid = HeatMapGrid.Build(method, positions);
        var occupied = grid.Cells.Where(c => c.Risks > 0).Select(c =>
            $"{c.Risks} en probabilidad {c.ProbabilityName.ToLower(SpanishFormat.Culture)} e impacto {c.ImpactName.ToLower(SpanishFormat.Culture)} (zona {c.Zone.Name.ToLower(SpanishFormat.Culture)})").ToList();
        var description = grid.Total == 0
            ? "Mapa de calor sin riesgos."
            : $"Mapa de calor de {grid.Total} riesgos: {string.Join("; ", occupied)}.";
        return new HeatMapView($"mapa-{map}", title, description, grid, cell =>
            Url.Page("/RiskMap/Index", null, new { year = ShownYear, entidad = Slug, version = VersionNumber, proceso = ProcessId, mapa = map, probabilidad = cell.Probability, impacto = cell.Impact }, null, null, "riesgos")!);
    }
}
