using Vigia.Core.RiskMap;

namespace Vigia.Web.Api;

public sealed record RiskMethodSummaryDto(int Id, string Code, int Revision, string Name, string GuideVersion, string GuideDate, bool Current, string Href);

public sealed record HeatMapCellDto(int Probability, string ProbabilityName, int Impact, string ImpactName, string Zone, string ZoneName);

/// <summary>One method revision whole, as a risk assessed with it was computed.</summary>
public sealed record RiskMethodDto(int Id, string Code, int Revision, string Name, string GuideVersion, string GuideDate, string RevisionNote,
    string Sha256, string ValueUnit, ProbabilityBasis ProbabilityBasis, IReadOnlyList<RiskLevel> ProbabilityLevels, IReadOnlyList<RiskLevel> ImpactLevels,
    IReadOnlyList<RiskZoneDefinition> Zones, IReadOnlyList<HeatMapCellDto> HeatMap, CorruptionImpactQuestionnaire? CorruptionImpact,
    ControlRating? Controls, ResidualRule? Residual, IReadOnlyList<TreatmentOption> Treatments);

/// <summary>GET /api/risk-methods and /api/risk-methods/{id}: the methods the risk map is assessed with, so anyone can
/// check how a zone was computed.</summary>
public static class RiskMethodApi
{
    public const string ListName = "Api.RiskMethods";
    public const string MethodName = "Api.RiskMethod";

    public static void MapRiskMethodApi(this IEndpointRouteBuilder app)
    {
        foreach (var (group, canonical) in ApiVersions.Groups(app))
        {
            group.MapRead("/risk-methods", async (AppDbContext db, LinkGenerator links, HttpContext http, CancellationToken ct) =>
            {
                var methods = await db.RiskMethods.AsNoTracking().OrderBy(m => m.Code).ThenBy(m => m.Revision).ToListAsync(ct);
                var latest = methods.GroupBy(m => m.Code).ToDictionary(g => g.Key, g => g.Max(m => m.Revision), StringComparer.Ordinal);
                return Results.Ok(methods.Select(m =>
                {
                    var d = m.Definition();
                    return new RiskMethodSummaryDto(m.Id, m.Code, m.Revision, m.Name, d.GuideVersion, d.GuideDate,
                        m.Code == RiskMethodCatalog.CurrentCode && m.Revision == latest[m.Code],
                        links.GetPathByName(http, MethodName, new { id = m.Id })!);
                }).ToList());
            }).Named(canonical, ListName)
                .WithSummary("Métodos de valoración de riesgos (DAFP) con sus revisiones").WithTags("API");
            group.MapRead("/risk-methods/{id:int}", async (int id, AppDbContext db, CancellationToken ct) =>
            {
                var method = await db.RiskMethods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
                if (method is null)
                {
                    return Results.Problem(title: "Método no encontrado", detail: $"No hay un método de valoración de riesgos con el número {id}.",
                        statusCode: StatusCodes.Status404NotFound);
                }
                var d = method.Definition();
                var cells = d.HeatMap.OrderByDescending(c => c.Probability).ThenBy(c => c.Impact)
                    .Select(c => new HeatMapCellDto(c.Probability, d.Probability(c.Probability).Name, c.Impact, d.Impact(c.Impact).Name, c.Zone, d.Zone(c.Zone).Name))
                    .ToList();
                // Enums as words («probability», «frequency»), as in the method's own file.
                return Results.Json(new RiskMethodDto(method.Id, method.Code, method.Revision, method.Name, d.GuideVersion, d.GuideDate, d.RevisionNote, method.Sha256,
                    d.ValueUnit, d.ProbabilityBasis, d.ProbabilityLevels, d.ImpactLevels, d.Zones, cells, d.CorruptionImpact, d.Controls, d.Residual, d.Treatments),
                    RiskMethodDefinition.Json);
            }).Named(canonical, MethodName)
                .WithSummary("Un método de valoración de riesgos completo: niveles, zonas, mapa de calor, controles y tratamientos").WithTags("API");
        }
    }
}
