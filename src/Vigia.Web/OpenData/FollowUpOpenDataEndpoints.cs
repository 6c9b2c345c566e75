using System.Text.Json;
using Vigia.Core.FollowUps;
using Vigia.Core.OpenData;

namespace Vigia.Web.OpenData;

/// <summary>Published follow-ups as open data: /datos/{year}/seguimientos.csv|json and
/// /datos/{entity}/{year}/seguimientos.csv|json, one row per action assessment, Spanish snake_case columns.</summary>
public static class FollowUpOpenDataEndpoints
{
    public const string FollowUpsName = "OpenData.FollowUps";
    public const string FollowUpsByEntityName = "OpenData.FollowUpsByEntity";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapFollowUpOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/datos").AllowAnonymous();
        group.MapRead("/{year:int}/seguimientos.{format:regex(^(csv|json)$)}",
            (int year, string format, PlanLocator locator, AppDbContext db, HttpContext http, CancellationToken ct) =>
                FollowUpsAsync(null, year, format, locator, db, http, ct))
            .WithName(FollowUpsName);
        group.MapRead("/{entity}/{year:int}/seguimientos.{format:regex(^(csv|json)$)}",
            (string entity, int year, string format, PlanLocator locator, AppDbContext db, HttpContext http, CancellationToken ct) =>
                FollowUpsAsync(entity, year, format, locator, db, http, ct))
            .WithName(FollowUpsByEntityName);
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
        http.Response.Headers.ContentDisposition = $"inline; filename=\"seguimientos-{location.CandidateEntities[0]}-{year}.{format}\"";
        if (format == "json")
        {
            return Results.Json(rows, Json, "application/json; charset=utf-8");
        }
        using var csv = new MemoryStream();
        await CsvFormat.WriteAsync(csv, FollowUpOpenData.Columns, rows.Select(FollowUpOpenData.ToCells), ct);
        return Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8");
    }
}
