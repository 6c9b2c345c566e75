using System.Text.Json;
using Vigia.Core.Consultation;
using Vigia.Core.OpenData;

namespace Vigia.Web.OpenData;

/// <summary>The «informe de la consulta» of a plan's latest closed consultation (or of <c>?version=n</c>'s):
/// /datos/{year}/consulta.{csv|json|xlsx|pdf} and /datos/{entity}/{year}/consulta.…, one row per comment. Nothing is
/// served before the consultation closes: its report is published by closing it.</summary>
public static class ConsultationOpenDataEndpoints
{
    public const string ReportName = "OpenData.Consultation";
    public const string ReportByEntityName = "OpenData.ConsultationByEntity";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapConsultationOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/datos").AllowAnonymous();
        group.MapRead("/{year:int}/consulta.{format:regex(^(csv|json|xlsx|pdf)$)}",
            (int year, string format, int? version, PlanLocator locator, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ReportAsync(null, year, format, version, locator, db, http, ct))
            .WithName(ReportName)
            .WithSummary("Informe de la consulta ciudadana del plan de la vigencia: una fila por comentario con su respuesta (CSV, JSON, XLSX o PDF)")
            .WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/consulta.{format:regex(^(csv|json|xlsx|pdf)$)}",
            (string entity, int year, string format, int? version, PlanLocator locator, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ReportAsync(entity, year, format, version, locator, db, http, ct))
            .WithName(ReportByEntityName)
            .WithSummary("Informe de la consulta ciudadana del plan de una entidad y vigencia")
            .WithTags("Datos abiertos");
    }

    private static async Task<IResult> ReportAsync(string? entity, int year, string format, int? version, PlanLocator locator, AppDbContext db,
        HttpContext http, CancellationToken ct)
    {
        var location = await locator.FindAsync(entity, year, ct);
        if (!location.Found)
        {
            return OpenDataEndpoints.PlanNotFound(location, year, $"consulta.{format}");
        }
        var report = await ConsultationReport.LoadAsync(db, location.PlanId!.Value, version, ct);
        if (report is not { IsClosed: true })
        {
            return Results.Problem(title: $"El plan {year} no tiene informe de consulta ciudadana publicado",
                detail: "El informe se publica al cerrar la consulta.", statusCode: StatusCodes.Status404NotFound);
        }
        var name = string.Create(CultureInfo.InvariantCulture, $"consulta-{report.EntitySlug}-{year}-version-{report.VersionNumber}.{format}");
        OpenDataFiles.AnnounceLicence(http);
        switch (format)
        {
            case "xlsx":
                {
                    using var output = new MemoryStream();
                    var licence = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpenDataOptions>>().Value;
                    ConsultationXlsx.Write(report, output, $"{licence.LicenceName} — {licence.LicenceUrl}");
                    return Results.File(output.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
                }
            case "pdf":
                {
                    using var output = new MemoryStream();
                    ConsultationPdf.Write(report, output);
                    return Results.File(output.ToArray(), "application/pdf", name);
                }
        }
        var rows = ConsultationOpenData.Rows(report);
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{name}\"";
        if (format == "json")
        {
            return Results.Json(rows, Json, "application/json; charset=utf-8");
        }
        using var csv = new MemoryStream();
        await CsvFormat.WriteAsync(csv, ConsultationOpenData.Columns, rows.Select(ConsultationOpenData.ToCells), ct);
        return Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8");
    }
}
