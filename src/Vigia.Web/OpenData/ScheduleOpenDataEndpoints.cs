using System.Text.Json;
using Vigia.Core.Compliance;
using Vigia.Core.OpenData;

namespace Vigia.Web.OpenData;

/// <summary>The plan's schedule and its progress by month as open data (issue 13): /datos/{year}/programacion.{csv|json|xlsx}
/// and /datos/{year}/avance-mensual.{csv|json|xlsx}, and the same with the entity in front, exactly as «acciones».</summary>
public static class ScheduleOpenDataEndpoints
{
    public const string ScheduleName = "OpenData.Schedule";
    public const string ScheduleByEntityName = "OpenData.ScheduleByEntity";
    public const string MonthlyProgressName = "OpenData.MonthlyProgress";
    public const string MonthlyProgressByEntityName = "OpenData.MonthlyProgressByEntity";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapScheduleOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/datos").AllowAnonymous();
        group.MapRead("/{year:int}/programacion.{format:regex(^(csv|json|xlsx)$)}",
            (int year, string format, PlanLocator locator, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ScheduleAsync(null, year, format, locator, db, http, ct))
            .WithName(ScheduleName)
            .WithSummary("Programación mensual del plan de la vigencia: una fila por acción y mes programado").WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/programacion.{format:regex(^(csv|json|xlsx)$)}",
            (string entity, int year, string format, PlanLocator locator, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ScheduleAsync(entity, year, format, locator, db, http, ct))
            .WithName(ScheduleByEntityName)
            .WithSummary("Programación mensual del plan de una entidad y vigencia").WithTags("Datos abiertos");
        group.MapRead("/{year:int}/avance-mensual.{format:regex(^(csv|json|xlsx)$)}",
            (int year, string format, PlanLocator locator, AppDbContext db, ComplianceService compliance, TimeProvider clock, HttpContext http,
                CancellationToken ct) => MonthlyProgressAsync(null, year, format, locator, db, compliance, clock, http, ct))
            .WithName(MonthlyProgressName)
            .WithSummary("Avance mensual del plan de la vigencia: una fila por acción y mes terminado, con las cifras del tablero").WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/avance-mensual.{format:regex(^(csv|json|xlsx)$)}",
            (string entity, int year, string format, PlanLocator locator, AppDbContext db, ComplianceService compliance, TimeProvider clock,
                HttpContext http, CancellationToken ct) => MonthlyProgressAsync(entity, year, format, locator, db, compliance, clock, http, ct))
            .WithName(MonthlyProgressByEntityName)
            .WithSummary("Avance mensual del plan de una entidad y vigencia").WithTags("Datos abiertos");
    }

    private static async Task<IResult> ScheduleAsync(string? entity, int year, string format, PlanLocator locator, AppDbContext db,
        HttpContext http, CancellationToken ct)
    {
        var location = await locator.FindAsync(entity, year, ct);
        if (!location.Found)
        {
            return OpenDataEndpoints.PlanNotFound(location, year, $"programacion.{format}");
        }
        var rows = await ScheduleRows.LoadAsync(db, location.PlanId!.Value, ct);
        return await WriteAsync(http, db, location, OpenDatasets.Schedule, $"paac-{location.CandidateEntities[0]}-{year}-programacion.{format}", format,
            rows, ScheduleRows.ToCells, ct);
    }

    /// <summary>The months of the plan's year that have ended today in Colombia (the output cache's key holds the day).</summary>
    private static async Task<IResult> MonthlyProgressAsync(string? entity, int year, string format, PlanLocator locator, AppDbContext db,
        ComplianceService compliance, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var location = await locator.FindAsync(entity, year, ct);
        if (!location.Found)
        {
            return OpenDataEndpoints.PlanNotFound(location, year, $"avance-mensual.{format}");
        }
        var rows = await MonthlyProgressRows.LoadAsync(db, compliance, location.PlanId!.Value, ColombianTime.Today(clock), ct);
        return await WriteAsync(http, db, location, OpenDatasets.MonthlyProgress, $"paac-{location.CandidateEntities[0]}-{year}-avance-mensual.{format}",
            format, rows, MonthlyProgressRows.ToCells, ct);
    }

    private static async Task<IResult> WriteAsync(HttpContext http, AppDbContext db, PlanLocation location, OpenDataset dataset, string fileName,
        string format, List<Dictionary<string, object?>> rows, Func<Dictionary<string, object?>, IReadOnlyList<string>> cells, CancellationToken ct)
    {
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        var header = await PlanHeader.LoadAsync(db, location.PlanId!.Value, ct);
        http.Response.Headers[OpenDataEndpoints.PlanVersionHeader] = string.Create(CultureInfo.InvariantCulture, $"{header.Version}; {header.VersionStatus}");
        OpenDataFiles.AnnounceLicence(http);
        if (format == "xlsx")
        {
            return OpenDataFiles.Xlsx(http, dataset, rows.Select(cells), fileName);
        }
        if (format == "json")
        {
            return Results.Json(rows, Json, "application/json; charset=utf-8");
        }
        using var csv = new MemoryStream();
        await CsvFormat.WriteAsync(csv, dataset.ColumnNames, rows.Select(cells), ct);
        return Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8");
    }
}
