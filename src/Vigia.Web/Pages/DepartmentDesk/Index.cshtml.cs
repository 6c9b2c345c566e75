using Vigia.Core.Compliance;

namespace Vigia.Web.Pages.DepartmentDesk;

public sealed record DepartmentPlanFigure(int PlanId, string Title, int Year, OfficialCount Official, bool Unscheduled, ComplianceBands Bands);

public sealed record DepartmentEntity(int Id, string Name, string? HostName, bool Simulated, IReadOnlyList<DepartmentPlanFigure> Plans);

public sealed record DepartmentView(int Id, string Name, IReadOnlyList<DepartmentEntity> Entities);

/// <summary>/departamento: the person's departments, each entity of them (hosted ones included) with its plans of the
/// year and their official figure today, and links to the read-only desks. The figure is
/// <see cref="ComplianceService"/>'s, plan by plan: a department has a handful of entities; the national scale is the
/// consolidated views' work.</summary>
public class IndexModel(AppDbContext db, DepartmentAccess access, ComplianceService compliance, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "vigencia")]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<DepartmentView> Departments { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ColombianTime.Today(clock);
        var actor = Actor.From(User);
        var departmentIds = await access.DepartmentIdsAsync(actor, ct);
        var plans = await (await access.PlansAsync(actor, ct)).AsNoTracking()
            .Select(p => new { p.Id, p.EntityId, p.Year, p.Title }).ToListAsync(ct);
        Years = plans.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToList();
        // Without a choice, the current year's plans, or the latest year before it that has any.
        Year ??= Years.Where(y => y <= Today.Year).Cast<int?>().FirstOrDefault() ?? (Years.Count > 0 ? Years[0] : null);
        var entities = await (await access.EntitiesAsync(actor, ct)).AsNoTracking()
            .Select(e => new { e.Id, e.Name, e.DepartmentId, Host = e.HostEntity!.Name, e.IsSimulated }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToListAsync(ct);
        var figures = new Dictionary<int, DepartmentPlanFigure>();
        foreach (var p in plans.Where(p => p.Year == Year))
        {
            var result = (await compliance.ComputeAsync(p.Id, Today, ct))!;
            figures[p.Id] = new DepartmentPlanFigure(p.Id, p.Title, p.Year, result.Plan.Official, result.Plan.IsUnscheduled, result.Bands);
        }
        Departments = departments.OrderBy(d => d.Name, SpanishText.NameOrder).Select(d => new DepartmentView(d.Id, d.Name,
            entities.Where(e => e.DepartmentId == d.Id)
                .OrderBy(e => e.Host is null ? e.Name : e.Host, SpanishText.NameOrder).ThenBy(e => e.Host is null ? 0 : 1).ThenBy(e => e.Name, SpanishText.NameOrder)
                .Select(e => new DepartmentEntity(e.Id, e.Name, e.Host, e.IsSimulated,
                    plans.Where(p => p.EntityId == e.Id && figures.ContainsKey(p.Id)).Select(p => figures[p.Id]).OrderBy(f => f.Title, SpanishText.NameOrder).ToList()))
                .ToList())).ToList();
    }
}
