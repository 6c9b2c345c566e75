using System.Text.Json;
using Vigia.Core.OpenData;
using Vigia.Core.RiskMap;

namespace Vigia.Web.OpenData;

/// <summary>The corruption risk map of a year as open data: one row per risk, CSV (through <see cref="CsvFormat"/>)
/// and JSON with the same columns, levels as words.</summary>
public static class RiskOpenDataEndpoints
{
    public const string RisksName = "OpenData.Risks";
    public const string RisksByEntityName = "OpenData.RisksByEntity";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapRiskOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/datos").AllowAnonymous();
        group.MapRead("/{year:int}/riesgos.{format:regex(^(csv|json)$)}",
            (int year, string format, AppDbContext db, RiskMethodCatalog methods, HttpContext http, CancellationToken ct) =>
                RisksAsync(null, year, format, db, methods, http, ct))
            .WithName(RisksName);
        group.MapRead("/{entity}/{year:int}/riesgos.{format:regex(^(csv|json)$)}",
            (string entity, int year, string format, AppDbContext db, RiskMethodCatalog methods, HttpContext http, CancellationToken ct) =>
                RisksAsync(entity, year, format, db, methods, http, ct))
            .WithName(RisksByEntityName);
    }

    private static async Task<IResult> RisksAsync(string? entity, int year, string format, AppDbContext db, RiskMethodCatalog methods,
        HttpContext http, CancellationToken ct)
    {
        var candidates = await db.Entities.AsNoTracking()
            .Where(e => entity == null ? db.Risks.Any(r => r.Year == year && r.Process!.EntityId == e.Id) : e.Slug == entity)
            .OrderBy(e => e.Slug).Select(e => new { e.Id, e.Slug }).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return Results.Problem(title: $"No hay un mapa de riesgos de corrupción para la vigencia {year}", statusCode: StatusCodes.Status404NotFound);
        }
        if (candidates.Count > 1)
        {
            return Results.Problem(title: $"Varias entidades tienen mapa de riesgos para la vigencia {year}",
                detail: "Indique la entidad en la dirección: " + string.Join(", ", candidates.Select(e => $"/datos/{e.Slug}/{year}/riesgos.{format}")),
                statusCode: StatusCodes.Status404NotFound);
        }
        var rows = await RiskRow.LoadAsync(db, methods, candidates[0].Id, year, ct);
        http.Response.Headers.ContentDisposition = $"inline; filename=\"mapa-riesgos-{candidates[0].Slug}-{year}.{format}\"";
        if (format == "json")
        {
            // The same columns as the CSV; the percentages as numbers.
            var payload = rows.Select(r =>
            {
                var row = RiskRow.Columns.Zip(r.ToCells()).ToDictionary(x => x.First, x => (object?)x.Second, StringComparer.Ordinal);
                row["probabilidad_residual_pct"] = r.ResidualProbabilityPercent;
                row["impacto_residual_pct"] = r.ResidualImpactPercent;
                return row;
            });
            return Results.Json(payload, Json, "application/json; charset=utf-8");
        }
        using var csv = new MemoryStream();
        await CsvFormat.WriteAsync(csv, RiskRow.Columns, rows.Select(r => r.ToCells()), ct);
        return Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8");
    }
}
