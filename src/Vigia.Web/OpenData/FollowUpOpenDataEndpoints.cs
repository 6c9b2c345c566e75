using System.Text.Json;
using Vigia.Core.FollowUps;
using Vigia.Core.OpenData;

namespace Vigia.Web.OpenData;

/// <summary>Published follow-ups as open data: /datos/{year}/seguimientos.csv|json and
/// /datos/{entity}/{year}/seguimientos.csv|json, one row per action assessment, Spanish snake_case columns; and the
/// consolidated follow-up, /datos/{year}/seguimientos-consolidado.csv|json (and with the entity), one row per cut-off and
/// component.</summary>
public static class FollowUpOpenDataEndpoints
{
    public const string FollowUpsName = "OpenData.FollowUps";
    public const string FollowUpsByEntityName = "OpenData.FollowUpsByEntity";
    public const string ConsolidatedName = "OpenData.FollowUpsConsolidated";
    public const string ConsolidatedByEntityName = "OpenData.FollowUpsConsolidatedByEntity";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapFollowUpOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/datos").AllowAnonymous();
        group.MapRead("/{year:int}/seguimientos.{format:regex(^(csv|json|xlsx)$)}",
            (int year, string format, PlanLocator locator, AppDbContext db, HttpContext http, CancellationToken ct) =>
                FollowUpsAsync(null, year, format, locator, db, http, ct))
            .WithName(FollowUpsName)
            .WithSummary("Seguimientos publicados de Control Interno: una fila por acción valorada en cada corte").WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/seguimientos.{format:regex(^(csv|json|xlsx)$)}",
            (string entity, int year, string format, PlanLocator locator, AppDbContext db, HttpContext http, CancellationToken ct) =>
                FollowUpsAsync(entity, year, format, locator, db, http, ct))
            .WithName(FollowUpsByEntityName)
            .WithSummary("Seguimientos publicados de Control Interno de una entidad y vigencia").WithTags("Datos abiertos");
        group.MapRead("/{year:int}/seguimientos-consolidado.{format:regex(^(csv|json|xlsx)$)}",
            (int year, string format, PlanLocator locator, FollowUpConsolidation consolidation, HttpContext http, CancellationToken ct) =>
                ConsolidatedAsync(null, year, format, locator, consolidation, http, ct))
            .WithName(ConsolidatedName)
            .WithSummary("Seguimiento consolidado: una fila por corte y componente, más el total").WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/seguimientos-consolidado.{format:regex(^(csv|json|xlsx)$)}",
            (string entity, int year, string format, PlanLocator locator, FollowUpConsolidation consolidation, HttpContext http, CancellationToken ct) =>
                ConsolidatedAsync(entity, year, format, locator, consolidation, http, ct))
            .WithName(ConsolidatedByEntityName)
            .WithSummary("Seguimiento consolidado de una entidad y vigencia").WithTags("Datos abiertos");
    }

    private static async Task<IResult> ConsolidatedAsync(string? entity, int year, string format, PlanLocator locator,
        FollowUpConsolidation consolidation, HttpContext http, CancellationToken ct)
    {
        var location = await locator.FindAsync(entity, year, ct);
        if (!location.Found)
        {
            return OpenDataEndpoints.PlanNotFound(location, year, $"seguimientos-consolidado.{format}");
        }
        var rows = ConsolidatedOpenData.Rows(await consolidation.LoadAsync(location.PlanId!.Value, ct));
        var fileName = $"seguimientos-consolidado-{location.CandidateEntities[0]}-{year}.{format}";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        OpenDataFiles.AnnounceLicence(http);
        if (format == "xlsx")
        {
            return OpenDataFiles.Xlsx(http, OpenDatasets.ConsolidatedFollowUps, rows.Select(ConsolidatedOpenData.ToCells), fileName);
        }
        if (format == "json")
        {
            return Results.Json(rows, Json, "application/json; charset=utf-8");
        }
        using var csv = new MemoryStream();
        await CsvFormat.WriteAsync(csv, ConsolidatedOpenData.Columns, rows.Select(ConsolidatedOpenData.ToCells), ct);
        return Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8");
    }

    private static async Task<IResult> FollowUpsAsync(string? entity, int year, string format, PlanLocator locator, AppDbContext db,
        HttpContext http, CancellationToken ct)
    {
        var location = await locator.FindAsync(entity, year, ct);
        if (!location.Found)
        {
            return OpenDataEndpoints.PlanNotFound(location, year, $"seguimientos.{format}");
        }
        var rows = await FollowUpOpenData.LoadAsync(db, location.PlanId!.Value, ct);
        var fileName = $"seguimientos-{location.CandidateEntities[0]}-{year}.{format}";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        OpenDataFiles.AnnounceLicence(http);
        if (format == "xlsx")
        {
            return OpenDataFiles.Xlsx(http, OpenDatasets.FollowUps, rows.Select(FollowUpOpenData.ToCells), fileName);
        }
        if (format == "json")
        {
            return Results.Json(rows, Json, "application/json; charset=utf-8");
        }
        using var csv = new MemoryStream();
        await CsvFormat.WriteAsync(csv, FollowUpOpenData.Columns, rows.Select(FollowUpOpenData.ToCells), ct);
        return Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8");
    }
}
