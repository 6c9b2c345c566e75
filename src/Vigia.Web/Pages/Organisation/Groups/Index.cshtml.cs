using Vigia.Core.Organisation;

namespace Vigia.Web.Pages.Organisation.Groups;

/// <summary>Planeación indicates the units a group of responsibles stands for («Todos los organismos…»): each of them
/// then sees, reports and is reminded of its own part of the group's actions. Only Planeación of the group's entity.</summary>
public class IndexModel(AppDbContext db, UnitGroupService groups) : PageModel
{
    public sealed record GroupRow(int Id, string Entity, string Name, IReadOnlyList<string> Spellings, int Actions, int Members);

    public sealed record UnitOption(int Id, string Label);

    public sealed record GroupAction(int Id, int Year, string Code, string Description);

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public List<int> UnitIds { get; set; } = [];

    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];
    public GroupRow? Selected { get; private set; }
    public IReadOnlyList<UnitOption> Units { get; private set; } = [];
    public IReadOnlyList<GroupAction> Actions { get; private set; } = [];

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
        if (Selected is not null)
        {
            UnitIds = await db.UnitGroupMembers.Where(m => m.GroupId == Selected.Id).Select(m => m.UnitId).ToListAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        var result = await groups.SetMembersAsync(Actor.From(User), id, UnitIds, ct);
        return await this.RespondAsync(result,
            saved => this.RedirectWithNotice(saved.Members.Count == 0
                    ? $"El grupo «{saved.Name}» quedó sin unidades: sus acciones no tienen quién reporte."
                    : $"Unidades del grupo «{saved.Name}» guardadas: cada una de las {saved.Members.Count} reporta su parte de las acciones del grupo.",
                "/Organisation/Groups/Index", new { id = saved.Id }),
            reload: () => LoadAsync(ct));
    }

    /// <summary>The groups of the entities this person maps, and the selected group's entity's units.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        var all = await db.UnitGroups.AsNoTracking().OrderBy(g => g.Entity!.Name).ThenBy(g => g.Name)
            .Select(g => new
            {
                g.Id,
                g.EntityId,
                Entity = g.Entity!.Name,
                g.Name,
                Spellings = g.Spellings.OrderBy(s => s.Id).Select(s => s.Text).ToList(),
                Actions = db.ActionUnitGroups.Count(x => x.GroupId == g.Id),
                Members = g.Members.Count,
            })
            .ToListAsync(ct);
        var mine = new List<GroupRow>();
        var entityOf = new Dictionary<int, int>();
        foreach (var g in all)
        {
            if (await groups.CanMapAsync(actor, g.EntityId, ct))
            {
                mine.Add(new GroupRow(g.Id, g.Entity, g.Name, g.Spellings, g.Actions, g.Members));
                entityOf[g.Id] = g.EntityId;
            }
        }
        Groups = mine;
        if (Id is not { } id)
        {
            return true;
        }
        Selected = mine.FirstOrDefault(g => g.Id == id);
        if (Selected is null)
        {
            return false;
        }
        var entityId = entityOf[id];
        Units = (await db.Units.AsNoTracking().Where(u => u.EntityId == entityId && u.IsActive)
                .Select(u => new { u.Id, Label = u.Parent == null ? u.Name : u.Parent.Name + " / " + u.Name }).ToListAsync(ct))
            .OrderBy(u => u.Label, SpanishText.NameOrder).Select(u => new UnitOption(u.Id, u.Label)).ToList();
        Actions = (await db.ActionUnitGroups.AsNoTracking().Where(x => x.GroupId == id)
                .Select(x => new
                {
                    x.ActionId,
                    x.Action!.Activity!.Component!.Plan!.Year,
                    ComponentNumber = x.Action.Activity.Component.Number,
                    ActivityOrder = x.Action.Activity.Order,
                    x.Action.Activity.Code,
                    x.Action.Order,
                    x.Action.Description,
                })
                .ToListAsync(ct))
            .OrderByDescending(x => x.Year).ThenBy(x => x.ComponentNumber).ThenBy(x => x.ActivityOrder).ThenBy(x => x.Order)
            .Select(x => new GroupAction(x.ActionId, x.Year, $"{x.Code}, acción {x.Order.ToString(CultureInfo.InvariantCulture)}", x.Description))
            .ToList();
        return true;
    }
}
