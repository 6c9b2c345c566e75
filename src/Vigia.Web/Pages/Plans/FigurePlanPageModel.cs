using Vigia.Core.Compliance;

namespace Vigia.Web.Pages.Plans;

/// <summary>A public plan page that also prints the official compliance figure (<c>_OfficialFigure</c>): the plan page and
/// each component page. The figure is <see cref="ComplianceService"/>'s, the same the dashboard, the API and the open data show.</summary>
public abstract class FigurePlanPageModel(AppDbContext db, PlanLocator locator) : PlanPageModel(db, locator)
{
    /// <summary>The date of the official figure shown ("fecha", AAAA-MM-DD; today in Colombia when absent).</summary>
    [FromQuery(Name = "fecha")]
    public string? Date { get; set; }

    /// <summary>The plan's official compliance at <see cref="Date"/>; set by <see cref="LoadComplianceAsync"/>.</summary>
    public PlanCompliance Compliance { get; private set; } = null!;

    /// <summary>Computes <see cref="Compliance"/>; a date that does not read becomes a Spanish error on «fecha», today's figure
    /// and a 400 status, as on the dashboard.</summary>
    protected async Task LoadComplianceAsync(CancellationToken ct)
    {
        var services = HttpContext.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        if (!Api.ComplianceApi.TryReadDate(Date, clock, out var at))
        {
            ModelState.AddModelError("fecha", "Escriba la fecha de corte como AAAA-MM-DD, por ejemplo " + $"{Plan.Year}-04-30.");
            at = ColombianTime.Today(clock);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Compliance = (await services.GetRequiredService<ComplianceService>().ComputeAsync(Plan.Id, at, ct))!;
    }

    /// <summary>What <c>_OfficialFigure</c> prints on this page.</summary>
    public abstract Shared.OfficialFigureView Figure { get; }

    /// <summary>The dashboard of this plan at the same date.</summary>
    public string DashboardUrl => Url.Page("/Compliance/Dashboard", new { entity = EntitySlug, year = Year, fecha = Date })
        ?? throw new InvalidOperationException("No route leads to the dashboard.");
}
