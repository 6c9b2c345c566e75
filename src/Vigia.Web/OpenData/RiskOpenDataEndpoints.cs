using System.Text.Json;
using Vigia.Core.OpenData;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Web.OpenData;

/// <summary>The corruption risk map of a year as open data: one row per risk, CSV (through <see cref="CsvFormat"/>)
/// and JSON with the same columns, levels as words; and the published map's accepted monitoring
/// (<c>riesgos-monitoreo</c>) and materializations (<c>riesgos-materializaciones</c>) with the same conventions.</summary>
public static class RiskOpenDataEndpoints
{
    public const string RisksName = "OpenData.Risks";
    public const string RisksByEntityName = "OpenData.RisksByEntity";
    public const string MonitoringName = "OpenData.RiskMonitoring";
    public const string MonitoringByEntityName = "OpenData.RiskMonitoringByEntity";
    public const string MaterializationsName = "OpenData.RiskMaterializations";
    public const string MaterializationsByEntityName = "OpenData.RiskMaterializationsByEntity";

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
        group.MapRead("/{year:int}/riesgos-monitoreo.{format:regex(^(csv|json|xlsx)$)}",
            (int year, string format, AppDbContext db, HttpContext http, CancellationToken ct) =>
                TrackingAsync(OpenDatasets.RiskMonitoring, null, year, format, db, http, ct))
            .WithName(MonitoringName)
            .WithSummary("Monitoreo aceptado de los controles del mapa de riesgos de corrupción publicado de la vigencia: una fila por control y periodo")
            .WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/riesgos-monitoreo.{format:regex(^(csv|json|xlsx)$)}",
            (string entity, int year, string format, AppDbContext db, HttpContext http, CancellationToken ct) =>
                TrackingAsync(OpenDatasets.RiskMonitoring, entity, year, format, db, http, ct))
            .WithName(MonitoringByEntityName)
            .WithSummary("Monitoreo aceptado de los controles del mapa de riesgos de corrupción publicado de una entidad y vigencia")
            .WithTags("Datos abiertos");
        group.MapRead("/{year:int}/riesgos-materializaciones.{format:regex(^(csv|json|xlsx)$)}",
            (int year, string format, AppDbContext db, HttpContext http, CancellationToken ct) =>
                TrackingAsync(OpenDatasets.RiskMaterializations, null, year, format, db, http, ct))
            .WithName(MaterializationsName)
            .WithSummary("Materializaciones de los riesgos del mapa de riesgos de corrupción publicado de la vigencia, con su plan de mejoramiento")
            .WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/riesgos-materializaciones.{format:regex(^(csv|json|xlsx)$)}",
            (string entity, int year, string format, AppDbContext db, HttpContext http, CancellationToken ct) =>
                TrackingAsync(OpenDatasets.RiskMaterializations, entity, year, format, db, http, ct))
            .WithName(MaterializationsByEntityName)
            .WithSummary("Materializaciones de los riesgos del mapa de riesgos de corrupción publicado de una entidad y vigencia")
            .WithTags("Datos abiertos");
    }

    private static async Task<IResult> RisksAsync(string? entity, int year, string format, AppDbContext db, RiskMethodCatalog methods,
        HttpContext http, CancellationToken ct)
    {
        var (problem, map) = await FindAsync(entity, year, "riesgos", format, db, ct);
        if (map is null)
        {
            return problem!;
        }
        var (slug, published) = (map.Slug, map.Published);
        var version = published.Version.Number;
        var rows = RiskRow.From(published.Content.ToRisks(), await methods.DefinitionsAsync(ct));
        http.Response.Headers["X-Risk-Map-Version"] = version.ToString(CultureInfo.InvariantCulture);
        var fileName = $"mapa-riesgos-{slug}-{year}.{format}";
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

    private sealed record MapOfYear(int EntityId, string Slug, PublishedRiskMap Published);

    /// <summary>The published map of the entity (or the only entity with one) of <paramref name="year"/>, or the problem to answer.</summary>
    private static async Task<(IResult? Problem, MapOfYear? Map)> FindAsync(string? entity, int year, string file, string format, AppDbContext db,
        CancellationToken ct)
    {
        // Only published maps are open data: a draft (or a map never published) is not public.
        var candidates = await db.Entities.AsNoTracking()
            .Where(e => entity == null ? db.RiskMapVersions.Any(v => v.Year == year && v.EntityId == e.Id && v.PublishedAt != null) : e.Slug == entity)
            .OrderBy(e => e.Slug).Select(e => new { e.Id, e.Slug }).ToListAsync(ct);
        if (candidates.Count > 1)
        {
            return (Results.Problem(title: $"Varias entidades tienen mapa de riesgos para la vigencia {year}",
                detail: "Indique la entidad en la dirección: " + string.Join(", ", candidates.Select(e => $"/datos/{e.Slug}/{year}/{file}.{format}")),
                statusCode: StatusCodes.Status404NotFound), null);
        }
        var published = candidates.Count == 0 ? null : await RiskMapVersions.PublishedAsync(db, candidates[0].Id, year, ct: ct);
        if (published is null)
        {
            return (Results.Problem(title: $"No hay un mapa de riesgos de corrupción publicado para la vigencia {year}",
                detail: "El mapa de riesgos aparece en los datos abiertos cuando la Oficina de Planeación lo publica.",
                statusCode: StatusCodes.Status404NotFound), null);
        }
        return (null, new MapOfYear(candidates[0].Id, candidates[0].Slug, published));
    }

    /// <summary>The accepted monitoring of the published map's controls, or its materializations: one row each, the same
    /// cells in CSV, XLSX and JSON (typed there), the map's version in a header and in the last column.</summary>
    private static async Task<IResult> TrackingAsync(OpenDataset dataset, string? entity, int year, string format, AppDbContext db,
        HttpContext http, CancellationToken ct)
    {
        var (problem, map) = await FindAsync(entity, year, dataset.FileName, format, db, ct);
        if (map is null)
        {
            return problem!;
        }
        var version = map.Published.Version.Number;
        var tracking = await PublicRiskTracking.LoadAsync(db, map.EntityId, map.Published.Content, ct);
        var rows = dataset == OpenDatasets.RiskMonitoring
            ? tracking.Monitorings.Select(m => RiskTrackingRows.Monitoring(m, version)).ToList()
            : tracking.Materializations.Select(m => RiskTrackingRows.Materialization(m, version)).ToList();
        http.Response.Headers["X-Risk-Map-Version"] = version.ToString(CultureInfo.InvariantCulture);
        var fileName = $"mapa-{dataset.FileName}-{map.Slug}-{year}.{format}";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        OpenDataFiles.AnnounceLicence(http);
        if (format == "xlsx")
        {
            return OpenDataFiles.Xlsx(http, dataset, rows, fileName);
        }
        if (format == "json")
        {
            var payload = rows.Select(r => RiskTrackingRows.Json(dataset, r)).ToList();
            if (dataset == OpenDatasets.RiskMaterializations)
            {
                for (var i = 0; i < payload.Count; i++)
                {
                    payload[i]["acciones_mejora"] = RiskTrackingRows.ActionsJson(tracking.Materializations[i].Actions);
                }
            }
            return Results.Json(payload, Json, "application/json; charset=utf-8");
        }
        using var csv = new MemoryStream();
        await CsvFormat.WriteAsync(csv, dataset.ColumnNames, rows, ct);
        return Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8");
    }
}
