namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>Planeación renames a component, subcomponent or activity of the first draft (<see cref="PlanDraftService.RenameAsync"/>,
/// which checks the person and the plan's state again on the data): a form with the current name, Post-Redirect-Get
/// to the draft, the form again with the error when the name is empty or too long.</summary>
public class DraftRenameModel(AppDbContext db, PlanLocator locator, PlanDraftService drafts) : ManagePageModel(db, locator)
{
    /// <summary>«componente», «subcomponente» or «actividad», as the address says.</summary>
    [BindProperty(SupportsGet = true)]
    public string Part { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>«el componente 2», «el subcomponente 2.1», «la actividad 2.1.3».</summary>
    public string Label { get; private set; } = "";

    public string CurrentName { get; private set; } = "";

    private PlanPart? Kind => Part switch
    {
        "componente" => PlanPart.Component,
        "subcomponente" => PlanPart.Subcomponent,
        "actividad" => PlanPart.Activity,
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Name = CurrentName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await drafts.RenameAsync(Plan.Id, Kind!.Value, Id, Name, Actor.From(User), ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice($"Nombre de {Label} cambiado.", "/Plans/Manage/Draft", new { entity = EntitySlug, year = Year }),
            async () => await LoadAsync(ct));
    }

    /// <summary>The part of this plan the address names; false (404) for another plan's part or an unknown kind.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Kind is not { } kind || !await LoadPlanAsync(ct))
        {
            return false;
        }
        // The structure being edited: the first draft's rows or an open revision's working copy (ADR 033).
        var structure = (await PlanDraftService.StructureAsync(Db, Plan.Id, ct))!.Value.Structure;
        var found = kind switch
        {
            PlanPart.Component => structure.Components.Where(c => c.Id == Id)
                .Select(c => new { Label = "el componente " + c.Number.ToString(CultureInfo.InvariantCulture), c.Name }).SingleOrDefault(),
            PlanPart.Subcomponent => structure.Components.SelectMany(c => c.Subcomponents).Where(s => s.Id == Id)
                .Select(s => new { Label = "el subcomponente " + s.Code, s.Name }).SingleOrDefault(),
            _ => structure.Components.SelectMany(c => c.Activities).Where(a => a.Id == Id)
                .Select(a => new { Label = "la actividad " + a.Code, a.Name }).SingleOrDefault(),
        };
        if (found is null)
        {
            return false;
        }
        (Label, CurrentName) = (found.Label, found.Name);
        return true;
    }
}
