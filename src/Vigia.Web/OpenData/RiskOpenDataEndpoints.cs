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
        group.MapRead("/{year:int}/riesgos.{format:regex(^(csv|json|xlsx)$)}",
            (int year, string format, AppDbContext db, RiskMethodCatalog methods, HttpContext http, CancellationToken ct) =>
                RisksAsync(null, year, format, db, methods, http, ct))
            .WithName(RisksName)
            .WithSummary("Mapa de riesgos de corrupción publicado de la vigencia: una fila por riesgo").WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/riesgos.{format:regex(^(csv|json|xlsx)$)}",
            (string entity, int year, string format, AppDbContext db, RiskMethodCatalog methods, HttpContext http, CancellationToken ct) =>
                RisksAsync(entity, year, format, db, methods, http, ct))
            .WithName(RisksByEntityName)
            .WithSummary("Mapa de riesgos de corrupción publicado de una entidad y vigencia").WithTags("Datos abiertos");
    }

    private static async Task<IResult> RisksAsync(string? entity, int year, string format, AppDbContext db, RiskMethodCatalog methods,
        HttpContext http, CancellationToken ct)
    {
        // Only published maps are open data: a draft (or a map never published) is not public.
        var candidates = await db.Entities.AsNoTracking()
            .Where(e => entity == null ? db.RiskMapVersions.Any(v => v.Year == year && v.EntityId == e.Id && v.PublishedAt != null) : e.Slug == entity)
            .OrderBy(e => e.Slug).Select(e => new { e.Id, e.Slug }).ToListAsync(ct);
        if (candidates.Count > 1)
        {
            return Results.Problem(title: $"Varias entidades tienen mapa de riesgos para la vigencia {year}",
                detail: "Indique la entidad en la dirección: " + string.Join(", ", candidates.Select(e => $"/datos/{e.Slug}/{year}/riesgos.{format}")),
                statusCode: StatusCodes.Status404NotFound);
        }
        var published = candidates.Count == 0 ? null : await RiskMapVersions.PublishedAsync(db, candidates[0].Id, year, ct: ct);
        if (published is null)
        {
            return Results.Problem(title: $"No hay un mapa de riesgos de corrupción publicado para la vigencia {year}",
                detail: "El mapa de riesgos aparece en los datos abiertos cuando la Oficina de Planeación lo publica.",
                statusCode: StatusCodes.Status404NotFound);
        }
        var version = published.Version.Number;
        var rows = RiskRow.From(published.Content.ToRisks(), await methods.DefinitionsAsync(ct));
        http.Response.Headers["X-Risk-Map-Version"] = version.ToString(CultureInfo.InvariantCulture);
        var fileName = $"mapa-riesgos-{candidates[0].Slug}-{year}.{format}";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        OpenDataFiles.AnnounceLicence(http);
        if (format == "xlsx")
        {
            return OpenDataFiles.Xlsx(http, OpenDatasets.Risks, rows.Select(r => r.ToCells(version)), fileName);
        }
        if (format == "json")
        {
            // The same columns as the CSV; the percentages as numbers.
            var payload = rows.Select(r =>
            {
                var row = RiskRow.Columns.Zip(r.ToCells()).ToDictionary(x => x.First, x => (object?)x.Second, StringComparer.Ordinal);
                row["probabilidad_residual_pct"] = r.ResidualProbabilityPercent;
                row["impacto_residual_pct"] = r.ResidualImpactPercent;
                row[RiskRow.VersionColumn] = version;
                return row;
            });
            return Results.Json(payload, Json, "application/json; charset=utf-8");
        }
        using var csv = new MemoryStream();
        await CsvFormat.WriteAsync(csv, RiskRow.PublishedColumns, rows.Select(r => r.ToCells(version)), ct);
        return Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8");
    }
}
