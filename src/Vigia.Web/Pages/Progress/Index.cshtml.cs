using Vigia.Core.Monitoring;
using Vigia.Core.Progress;
using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.Progress;

/// <summary>"Mis acciones". For a Responsable: what is due this month, what is late, what was returned with the
/// reviewer's comment, then the rest of their actions. For the second line: how many reports wait for review.
/// Everyone sees only the actions they may see.</summary>
public class IndexModel(AppDbContext db, ActionAccess access, ProgressAgenda agenda, MonitoringService monitoring, TimeProvider clock) : PageModel
{
    /// <summary>One entity's plan against its publication deadline; <see cref="EntityName"/> only when there are
    /// several entities, <see cref="HasPlan"/> false when the year has no plan yet.</summary>
    public sealed record PublicationRow(string? EntityName, bool HasPlan, PublicationDeadlineStatus Status);

    /// <param name="UnitId">The part owed of a collective action (its unit), null for an action without parts.</param>
    public sealed record OwedRow(int ActionId, string Label, string Description, int Year, int Month, string Planned, DateOnly Deadline,
        int? UnitId = null, string? UnitName = null);

    public sealed record ReturnedRow(int ReportId, int ActionId, string Label, string Description, int Year, int Month, string? Comment,
        string? ReviewedBy, DateTimeOffset? ReviewedAt);

    public IReadOnlyList<(int Year, string Entity, IReadOnlyList<ActionView> Actions)> Plans { get; private set; } = [];
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public bool IsResponsible { get; private set; }
    public IReadOnlyList<OwedRow> Due { get; private set; } = [];
    public IReadOnlyList<OwedRow> Late { get; private set; } = [];
    public IReadOnlyList<ReturnedRow> Returned { get; private set; } = [];
    public int? PendingReviews { get; private set; }

    /// <summary>For Planeación: the plan whose publication is at stake (next year's in December), per entity, when it
    /// has something to say (due, overdue, published late).</summary>
    public IReadOnlyList<PublicationRow> Publication { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        RoleNames = actor.Roles.Select(Roles.DisplayName).ToList();
        var visible = await access.VisibleAsync(actor, ct);
        var views = await ActionView.LoadAsync(visible, ct);
        var byId = views.ToDictionary(v => v.Id);
        IsResponsible = actor.IsIn(Roles.Responsible);
        if (actor.IsIn(Roles.Planning))
        {
            await LoadPublicationAsync(ct);
        }
        if (IsResponsible)
        {
            await LoadOwedAsync(actor, byId, ct);
        }
        if (MonitoringService.Monitors(actor))
        {
            var components = await monitoring.ReviewedComponentsAsync(actor, ct);
            PendingReviews = await db.ProgressReports.CountAsync(r => r.Status == ReportStatus.Submitted
                && (components == null || components.Contains(r.Action!.Activity!.ComponentId)), ct);
        }
        var listed = Due.Concat(Late).Select(o => o.ActionId).Concat(Returned.Select(r => r.ActionId)).ToHashSet();
        var plans = await visible.Select(a => new { a.Id, a.Activity!.Component!.Plan!.Year, Entity = a.Activity.Component.Plan.Entity!.Name }).ToListAsync(ct);
        var planOf = plans.ToDictionary(p => p.Id);
        Plans = views.Where(v => !listed.Contains(v.Id))
            .GroupBy(v => (planOf[v.Id].Year, planOf[v.Id].Entity))
            .OrderByDescending(g => g.Key.Year)
            .Select(g => (g.Key.Year, g.Key.Entity, (IReadOnlyList<ActionView>)g.ToList()))
            .ToList();
    }

    private async Task LoadPublicationAsync(CancellationToken ct)
    {
        var today = ColombianTime.Today(clock);
        var year = PublicationDeadline.PlanYearOn(today);
        var entities = await db.Entities.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.Id).Select(p => new { p.Id, p.EntityId }).ToListAsync(ct);
        var rows = new List<PublicationRow>();
        foreach (var entity in entities)
        {
            var plan = plans.FirstOrDefault(p => p.EntityId == entity.Id);
            var status = await PublicationDeadline.ForPlanAsync(db, year, plan?.Id, today, ct);
            if (status.Notice is not null)
            {
                rows.Add(new PublicationRow(entities.Count > 1 ? entity.Name : null, plan is not null, status));
            }
        }
        Publication = rows;
    }

    private async Task LoadOwedAsync(Actor actor, Dictionary<int, ActionView> views, CancellationToken ct)
    {
        // Only the actions this person reports (their units'), even if another role lets them see more.
        var reportable = await access.VisibleAsync(actor with { Roles = new HashSet<string> { Roles.Responsible } }, ct);
        var missing = await agenda.MissingAsync(reportable, ct);
        // A collective action owes one report per part: keep only this person's parts.
        var collective = missing.Where(m => m.UnitId is not null).Select(m => m.ActionId).Distinct().ToList();
        var mine = new Dictionary<(int ActionId, int UnitId), string>();
        foreach (var actionId in collective)
        {
            foreach (var part in await access.ReportablePartsAsync(actor, actionId, ct))
            {
                mine[(actionId, part.UnitId)] = part.UnitName;
            }
        }
        missing = missing.Where(m => m.UnitId is not { } unit || mine.ContainsKey((m.ActionId, unit))).ToList();
        OwedRow Row(MissingReport m)
        {
            var v = views[m.ActionId];
            return new OwedRow(m.ActionId, ProgressDisplay.ActionLabel(v.ActivityCode, v.Number), v.Description, m.Year, m.Month,
                ProgressDisplay.Quantity(m.Planned, v.TargetUnit), m.Deadline, m.UnitId,
                m.UnitId is { } unit ? mine[(m.ActionId, unit)] : null);
        }
        Due = missing.Where(m => !m.IsLate).Select(Row).ToList();
        Late = missing.Where(m => m.IsLate).Select(Row).ToList();
        var ids = reportable.Select(a => a.Id);
        var returned = await db.ProgressReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Returned && ids.Contains(r.ActionId))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.ActionId, r.Action!.Activity!.Component!.Plan!.Year, r.Month, r.ReviewComment, r.ReviewedByName, r.ReviewedAt })
            .ToListAsync(ct);
        Returned = returned.Select(r => new ReturnedRow(r.Id, r.ActionId, ProgressDisplay.ActionLabel(views[r.ActionId].ActivityCode, views[r.ActionId].Number),
            views[r.ActionId].Description, r.Year, r.Month, r.ReviewComment, r.ReviewedByName, r.ReviewedAt)).ToList();
    }
}
