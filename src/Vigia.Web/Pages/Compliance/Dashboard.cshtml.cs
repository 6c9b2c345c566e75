using Vigia.Core.Compliance;
using Vigia.Web.Api;
using Vigia.Web.Charts;
using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.Compliance;

/// <summary>The public compliance dashboard of a plan at a date ("fecha", default today in Colombia).</summary>
public class DashboardModel(AppDbContext db, PlanLocator locator, ComplianceService compliance, TimeProvider clock) : PlanPageModel(db, locator)
{
    public const string DateField = "fecha";

    [FromQuery(Name = DateField)]
    public string? Date { get; set; }

    public PlanCompliance Result { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>The plan against its legal publication deadline (31 January): a notice when it is due, overdue or
    /// was published late.</summary>
    public PublicationDeadlineStatus Publication { get; private set; } = null!;
    public BarChart ComponentChart { get; private set; } = null!;
    public LineChart Curve { get; private set; } = null!;
    public BarChart UnitChart { get; private set; } = null!;

    public string DateValue => Result.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string AtText => SpanishFormat.LongDate(Result.At);

    /// <summary>"enero a abril", "enero", or null when no month has ended yet.</summary>
    public string? MonthsText => Result.MonthsCounted switch
    {
        0 => null,
        1 => "enero",
        var m => "enero a " + SpanishMonths.Name(m),
    };

    public IReadOnlyList<(string Label, DateOnly Date)> Shortcuts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        Today = ColombianTime.Today(clock);
        Publication = await PublicationDeadline.ForPlanAsync(Db, Plan.Year, Plan.Id, Today, ct);
        var valid = ComplianceApi.TryReadDate(Date, clock, out var at);
        if (!valid)
        {
            ModelState.AddModelError(DateField, "Escriba la fecha de corte como AAAA-MM-DD, por ejemplo " + $"{Plan.Year}-04-30.");
            at = Today;
        }
        Result = (await compliance.ComputeAsync(Plan.Id, at, ct))!;
        Shortcuts =
        [
            ("Primer corte: 30 de abril", new DateOnly(Plan.Year, 4, 30)),
            ("Segundo corte: 31 de agosto", new DateOnly(Plan.Year, 8, 31)),
            ("Tercer corte: 31 de diciembre", new DateOnly(Plan.Year, 12, 31)),
        ];
        ComponentChart = DashboardCharts.Components(Result);
        Curve = DashboardCharts.PlannedVersusExecuted(Result);
        UnitChart = DashboardCharts.Units(Result);
        if (!valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public string ActivityLink(string actionCode)
    {
        ArgumentNullException.ThrowIfNull(actionCode);
        var dash = actionCode.LastIndexOf('-');
        return Url.Page("/Plans/Activity", pageHandler: null, new { entity = EntitySlug, year = Year, code = actionCode[..dash] },
                protocol: null, host: null, fragment: "accion-" + actionCode[(dash + 1)..])
            ?? throw new InvalidOperationException("No route leads to the activity page.");
    }
}
