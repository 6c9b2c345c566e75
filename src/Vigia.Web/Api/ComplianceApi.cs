using Vigia.Core.Compliance;
using Vigia.Web.OpenData;

namespace Vigia.Web.Api;

/// <summary>Activities and actions, counted side by side.</summary>
public sealed record CountsDto(int Activities, int Actions);

/// <summary>Compliance of one part of the plan. <paramref name="Percentage"/> is the official figure (completed ÷
/// programmed activities, one decimal, <see cref="OfficialCompliance"/>) with the counts it comes from; null when
/// nothing is programmed yet. <paramref name="Band"/> is "alta", "media" or "baja" of that figure after rounding to a
/// whole number. The weighted means of progress carry no band and are never the headline (docs/compliance.md).</summary>
/// <param name="Total">Activities and actions under the part.</param>
/// <param name="Programmed">Programmed in the months counted.</param>
/// <param name="Completed">Of those, completed.</param>
/// <param name="Scheduled">False when no action of the part has a monthly schedule («sin programación»: Planeación sets it).</param>
/// <param name="WeightedProgress">Weighted mean of executed ÷ planned to date per action («avance ponderado»), two decimals.</param>
/// <param name="YearProgress">Weighted mean of executed ÷ the year's target per action, two decimals.</param>
public sealed record ComplianceFigures(CountsDto Total, CountsDto Programmed, CountsDto Completed, decimal? Percentage, string? Band,
    bool Scheduled, decimal? WeightedProgress, decimal? YearProgress);

public sealed record ComponentComplianceDto(int Number, string Name, ComplianceFigures Compliance);

public sealed record ComplianceBandsDto(int MediumFrom, int HighFrom);

/// <param name="Simulated">Some progress report the figures count was made by a simulation («Datos simulados»).</param>
/// <param name="Rule">The official rule in one sentence (<see cref="OfficialCompliance.Explanation"/>).</param>
/// <param name="SimulatedSchedule">Some month of the schedule the figures rest on was made by the demo simulation
/// («Programación simulada», <see cref="PlanCompliance.HasSimulatedSchedule"/>).</param>
public sealed record PlanComplianceDto(string Entity, string EntitySlug, int Year, string At, int MonthsCounted, bool Simulated,
    ComplianceBandsDto Bands, ComplianceFigures Plan, IReadOnlyList<ComponentComplianceDto> Components, string Rules, string Rule,
    bool SimulatedSchedule);

/// <summary>GET /api/plans/{year}/compliance?at=YYYY-MM-DD and /api/entities/{entity}/plans/{year}/compliance.</summary>
public static class ComplianceApi
{
    public const string ComplianceName = "Api.Compliance";
    public const string ComplianceByEntityName = "Api.ComplianceByEntity";
    public const string RulesPath = "/tablero/reglas";

    public static void MapComplianceApi(this IEndpointRouteBuilder app)
    {
        foreach (var (group, canonical) in ApiVersions.Groups(app))
        {
            group.MapRead("/plans/{year:int}/compliance",
                (int year, string? at, PlanLocator locator, AppDbContext db, ComplianceService compliance, TimeProvider clock, CancellationToken ct) =>
                    GetAsync(null, year, at, locator, db, compliance, clock, ct))
                .Named(canonical, ComplianceName)
                .WithSummary("Cumplimiento oficial del plan y de cada componente a una fecha (?at=AAAA-MM-DD; hoy si se omite)").WithTags("API");
            group.MapRead("/entities/{entity}/plans/{year:int}/compliance",
                (string entity, int year, string? at, PlanLocator locator, AppDbContext db, ComplianceService compliance, TimeProvider clock,
                    CancellationToken ct) => GetAsync(entity, year, at, locator, db, compliance, clock, ct))
                .Named(canonical, ComplianceByEntityName)
                .WithSummary("Cumplimiento oficial del plan de una entidad a una fecha").WithTags("API");
        }
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
            RulesPath, OfficialCompliance.Explanation, result.HasSimulatedSchedule));
    }

    public static ComplianceFigures Figures(ComplianceNode node, PlanCompliance result)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(result);
        var o = node.Official;
        return new ComplianceFigures(new CountsDto(o.Activities, o.Actions), new CountsDto(o.ProgrammedActivities, o.ProgrammedActions),
            new CountsDto(o.CompletedActivities, o.CompletedActions), o.Percent, Code(result.Bands.Classify(o.Percent)), !node.IsUnscheduled,
            Round(node.ToDate.Percent), Round(node.Year.Percent));
    }

    private static decimal? Round(decimal? percent) => percent is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null;

    private static string? Code(ComplianceLevel? level) => level is { } l ? ComplianceLevels.Code(l) : null;
}
