using System.Text.Json;
using Vigia.Core.Audit;
using Vigia.Core.OpenData;

namespace Vigia.Web.OpenData;

/// <summary>The audit trail's daily checkpoints as open data: /datos/auditoria/puntos-de-control.csv|json, one row per
/// day, newest first. Kept by a citizen, a row lets anyone prove later that the trail still holds that entry with that
/// hash (<c>audit verify --checkpoint</c>).</summary>
public static class AuditOpenDataEndpoints
{
    public const string CheckpointsName = "OpenData.AuditCheckpoints";

    public static IReadOnlyList<string> Columns => OpenDatasets.AuditCheckpoints.ColumnNames;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void MapAuditOpenData(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/datos").AllowAnonymous()
            .MapRead("/auditoria/puntos-de-control.{format:regex(^(csv|json|xlsx)$)}", CheckpointsAsync)
            .WithName(CheckpointsName)
            .WithSummary("Puntos de control diarios de la bitácora de auditoría, el más reciente primero").WithTags("Datos abiertos");
    }

    private static async Task<IResult> CheckpointsAsync(string format, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var rows = (await AuditCheckpointPublisher.Newest(db).ToListAsync(ct))
            .Select(c => new Row(c.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Sequence, c.Hash, c.Checkpoint.ToString(),
                c.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)))
            .ToList();
        var fileName = $"puntos-de-control-auditoria.{format}";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        OpenDataFiles.AnnounceLicence(http);
        if (format == "json")
        {
            return Results.Json(rows, Json, "application/json; charset=utf-8");
        }
        var cells = rows.Select(r => (IReadOnlyList<string>)[r.Fecha, r.Secuencia.ToString(CultureInfo.InvariantCulture), r.Huella, r.PuntoDeControl, r.PublicadoUtc]);
        if (format == "xlsx")
        {
            return OpenDataFiles.Xlsx(http, OpenDatasets.AuditCheckpoints, cells, fileName);
        }
        using var csv = new MemoryStream();
        await CsvFormat.WriteAsync(csv, Columns, cells, ct);
        return Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8");
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "Open-data field names are Spanish snake_case.")]
    private sealed record Row(
        [property: System.Text.Json.Serialization.JsonPropertyName("fecha")] string Fecha,
        [property: System.Text.Json.Serialization.JsonPropertyName("secuencia")] long Secuencia,
        [property: System.Text.Json.Serialization.JsonPropertyName("huella")] string Huella,
        [property: System.Text.Json.Serialization.JsonPropertyName("punto_de_control")] string PuntoDeControl,
        [property: System.Text.Json.Serialization.JsonPropertyName("publicado_utc")] string PublicadoUtc);
}
