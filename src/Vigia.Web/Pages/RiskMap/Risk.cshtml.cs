using Vigia.Core.OpenData;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Web.Pages.RiskMap;

/// <summary>One risk of a published risk map for citizens (/mapa-riesgos/{año}/riesgo/{código}): the risk as the
/// published version froze it, the second line's accepted monitoring of its controls and its materializations with
/// their improvement plans. Only what belongs to a published version; names of people never.</summary>
public class RiskModel(AppDbContext db, RiskMethodCatalog methods) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "entidad")]
    public string? EntitySlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "version")]
    public int? VersionNumber { get; set; }

    public string EntityName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public RiskMapVersionSummary Version { get; private set; } = null!;
    public RiskRow Row { get; private set; } = null!;
    /// <summary>The method the version's assessment of this risk used («… versión 6 (revisión 1)»).</summary>
    public string MethodName { get; private set; } = "";
    public IReadOnlyList<ControlSnapshot> Controls { get; private set; } = [];
    public IReadOnlyList<PublicControlMonitoring> Monitorings { get; private set; } = [];
    public IReadOnlyList<PublicMaterialization> Materializations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var entity = Year is >= 2000 and <= 2100 ? await IndexModel.FindEntityAsync(db, EntitySlug, Year, ct) : null;
        var published = entity is null ? null : await RiskMapVersions.PublishedAsync(db, entity.Id, Year, VersionNumber, ct);
        var risk = published?.Content.Risks.FirstOrDefault(r => string.Equals(r.Code, Code, StringComparison.Ordinal));
        if (risk is null)
        {
            return NotFound();
        }
        (EntityName, Slug, Version) = (entity!.Name, entity.Slug, published!.Version);
        var definitions = await methods.DefinitionsAsync(ct);
        Row = RiskRow.From([risk.ToRisk(Year)], definitions)[0];
        MethodName = definitions.TryGetValue(risk.MethodId, out var method) ? $"{method.Name} (revisión {method.Revision.ToString(CultureInfo.InvariantCulture)})" : "";
        Controls = risk.Controls;
        var tracking = await PublicRiskTracking.LoadAsync(db, entity.Id, published.Content, ct);
        (Monitorings, Materializations) = (tracking.MonitoringsOf(Code), tracking.MaterializationsOf(Code));
        return Page();
    }
}

/// <summary>The public texts of a risk's monitoring and materializations.</summary>
public static class RiskTrackingText
{
    /// <summary>«3 monitoreos · 1 materialización», for the map's table.</summary>
    public static string Counts(int monitorings, int materializations) =>
        $"{Plural(monitorings, "monitoreo", "monitoreos")} · {Plural(materializations, "materialización", "materializaciones")}";

    public static string YesNo(bool value) => value ? "Sí" : "No";

    public static string Authorities(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "Ninguna",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " y " + names[^1],
    };

    private static string Plural(int n, string one, string many) =>
        n == 1 ? $"1 {one}" : string.Create(SpanishFormat.Culture, $"{n} {many}");
}
