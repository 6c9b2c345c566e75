using Vigia.Core.Compliance;
using Vigia.Web.OpenData;

namespace Vigia.Web.Api;

/// <summary>Compliance of one part of the plan. Percentages are rounded to two decimals and null where nothing
/// counts ("no aplica"); bands are "alta", "media" or "baja" after rounding to a whole number, and the year's band
/// only once all twelve months count (docs/compliance.md).</summary>
/// <param name="PlannedActions">Actions with something planned in the months counted ("programadas").</param>
/// <param name="ExecutedActions">Of those, actions at 100 % to date ("cumplidas").</param>
public sealed record ComplianceFigures(int Actions, int PlannedActions, int ExecutedActions, decimal? Percentage, string? Band,
    decimal? YearPercentage, string? YearBand);

public sealed record ComponentComplianceDto(int Number, string Name, ComplianceFigures Compliance);

public sealed record ComplianceBandsDto(int MediumFrom, int HighFrom);

public sealed record PlanComplianceDto(string Entity, string EntitySlug, int Year, string At, int MonthsCounted, bool Simulated,
    ComplianceBandsDto Bands, ComplianceFigures Plan, IReadOnlyList<ComponentComplianceDto> Components, string Rules);

/// <summary>GET /api/plans/{year}/compliance?at=YYYY-MM-DD and /api/entities/{entity}/plans/{year}/compliance.</summary>
public static class ComplianceApi
{
    public const string ComplianceName = "Api.Compliance";
    public const string ComplianceByEntityName = "Api.ComplianceByEntity";
    public const string RulesPath = "/tablero/reglas";

    public static void MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").AllowAnonymous();
        group.MapRead("/plans/{year:int}/compliance",
            (int year, string? at, PlanLocator locator, AppDbContext db, ComplianceService compliance, TimeProvider clock, CancellationToken ct) =>
                GetAsync(null, year, at, locator, db, compliance, clock, ct))
            .WithName(ComplianceName);
        group.MapRead("/entities/{entity}/plans/{year:int}/compliance",
            (string entity, int year, string? at, PlanLocator locator, AppDbContext db, ComplianceService compliance, TimeProvider clock,
                CancellationToken ct) => GetAsync(entity, year, at, locator, db, compliance, clock, ct))
            .WithName(ComplianceByEntityName);
    }

    /// <summary>Reads "AAAA-MM-DD"; null or empty means today in Colombia.</summary>
    public static bool TryReadDate(string? text, TimeProvider clock, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = ColombianTime.Today(clock);
            return true;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date.Year is >= 1984 and <= 9998;
    }

    private static async Task<IResult> GetAsync(string? entity, int year, string? at, PlanLocator locator, AppDbContext db,
        ComplianceService compliance, TimeProvider clock, CancellationToken ct)
    {
        if (!TryReadDate(at, clock, out var date))
        {
            return Results.Problem(title: "Fecha no válida",
                detail: $"El parámetro «at» debe ser una fecha con el formato AAAA-MM-DD, por ejemplo {year}-04-30; se recibió «{at}».",
                statusCode: StatusCodes.Status400BadRequest);
        }
        var location = await locator.FindAsync(entity, year, ct);
        if (!location.Found)
        {
            return OpenDataEndpoints.PlanNotFound(location, year, "compliance");
        }
        var result = (await compliance.ComputeAsync(location.PlanId!.Value, date, ct))!;
        var entityName = await db.Plans.Where(p => p.Id == result.PlanId).Select(p => p.Entity!.Name).SingleAsync(ct);
        return Results.Ok(new PlanComplianceDto(entityName, location.CandidateEntities[0], year, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            result.MonthsCounted, result.HasSimulatedData, new ComplianceBandsDto(result.Bands.MediumFrom, result.Bands.HighFrom),
            Figures(result.Plan, result),
            result.Components.Select(c => new ComponentComplianceDto(int.Parse(c.Code, CultureInfo.InvariantCulture), c.Name, Figures(c, result))).ToList(),
            RulesPath));
    }

    public static ComplianceFigures Figures(ComplianceNode node, PlanCompliance result)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(result);
        return new ComplianceFigures(node.ActionCount, node.PlannedActions, node.CompletedActions, Round(node.ToDate.Percent),
            Code(result.Bands.Classify(node.ToDate.Percent)), Round(node.Year.Percent), Code(result.YearLevel(node.Year)));
    }

    private static decimal? Round(decimal? percent) => percent is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null;

    private static string? Code(ComplianceLevel? level) => level is { } l ? ComplianceLevels.Code(l) : null;
}
