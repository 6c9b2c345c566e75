using Vigia.Core.Compliance;
using Vigia.Core.Organisation;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Progress;

namespace Vigia.Web.Pages.Organisation.Groups;

/// <summary>Planeación sets the target of each unit's part of a collective action when an even split is not right (one
/// organismo publishes four pieces, the others two). A blank field is an even share of what the set targets leave; the
/// targets shown beside it are the ones the dashboard and the follow-up use (<see cref="ComplianceCalculator.Parts"/>).</summary>
public class PartsModel(AppDbContext db, UnitGroupService groups, ComplianceService compliance, TimeProvider clock) : PageModel
{
    public sealed record ActionInfo(int Id, int PlanId, int Year, int EntityId, string EntitySlug, string Code, string ActivityCode, string Description, string Goal,
        decimal? Target, TargetUnit Unit, IReadOnlyList<(int Id, string Name)> Groups);

    public sealed record PartRow(int UnitId, string Unit, decimal? SetTarget, decimal? Target, decimal Executed);

    [FromRoute]
    public int ActionId { get; set; }

    /// <summary>The typed targets by unit id, kept as text so a wrong entry is shown back as typed.</summary>
    [BindProperty]
    public Dictionary<int, string?> Targets { get; set; } = [];

    public ActionInfo? Action { get; private set; }
    public IReadOnlyList<PartRow> Parts { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Planning))
        {
            return this.Forbidden();
        }
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Targets = Parts.ToDictionary(p => p.UnitId, p => p.SetTarget is { } t ? SpanishFormat.Input(t) : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Planning))
        {
            return this.Forbidden();
        }
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var parsed = new Dictionary<int, decimal?>();
        foreach (var part in Parts)
        {
            var text = Targets.GetValueOrDefault(part.UnitId);
            if (string.IsNullOrWhiteSpace(text))
            {
                parsed[part.UnitId] = null;
            }
            else if (SpanishNumber.TryParse(text, out var value))
            {
                parsed[part.UnitId] = value;
            }
            else
            {
                ModelState.AddModelError($"Targets[{part.UnitId}]", $"«{text}» no es un número; escriba la meta de {part.Unit} en cifras (por ejemplo 4 o 2,5).");
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await groups.SetPartTargetsAsync(Actor.From(User), ActionId, parsed, ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice($"Metas por unidad de la acción {Action!.Code} guardadas.", "/Organisation/Groups/Parts", new { actionId = ActionId }),
            reload: () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var row = await db.Actions.AsNoTracking().Where(a => a.Id == ActionId)
            .Select(a => new
            {
                a.Id,
                PlanId = a.Activity!.Component!.PlanId,
                a.Activity.Component.Plan!.Year,
                a.Activity.Component.Plan.EntityId,
                EntitySlug = a.Activity.Component.Plan.Entity!.Slug,
                a.Activity.Code,
                a.Order,
                a.Description,
                a.Goal,
                a.TargetQuantity,
                a.TargetUnit,
            })
            .FirstOrDefaultAsync(ct);
        if (row is null || !await groups.CanMapAsync(Actor.From(User), row.EntityId, ct))
        {
            return false;
        }
        var linked = await db.ActionUnitGroups.AsNoTracking().Where(x => x.ActionId == ActionId)
            .Select(x => new { x.GroupId, x.Group!.Name }).ToListAsync(ct);
        if (linked.Count == 0)
        {
            return false;
        }
        var code = $"{row.Code}, acción {row.Order.ToString(CultureInfo.InvariantCulture)}";
        Action = new ActionInfo(row.Id, row.PlanId, row.Year, row.EntityId, row.EntitySlug, code, row.Code, row.Description, row.Goal, row.TargetQuantity, row.TargetUnit,
            linked.Select(l => (l.GroupId, l.Name)).ToList());
        Today = ColombianTime.Today(clock);
        var figures = (await compliance.ComputeAsync(row.PlanId, Today, ct))?.Parts.GetValueOrDefault(ActionId) ?? [];
        Parts = (await ActionParts.ForActionAsync(db, ActionId, ct))
            .Select(p => figures.FirstOrDefault(f => f.UnitId == p.UnitId) is { } f
                ? new PartRow(p.UnitId, p.UnitName, p.SetTarget, f.Target, f.Executed)
                : new PartRow(p.UnitId, p.UnitName, p.SetTarget, null, 0))
            .ToList();
        return true;
    }
}
