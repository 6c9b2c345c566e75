using Vigia.Core.Consultation;

namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>One comment of the plan's current consultation for Planeación
/// (/gestion/planes/{year}/consulta/comentarios/{number}): answer it, say whether it changes the plan and which action,
/// group it with the comment it duplicates, or hide it with a published reason. <see cref="ConsultationService"/>
/// checks on the data that the person is Planeación of the plan's entity.</summary>
public class ConsultationCommentModel(AppDbContext db, PlanLocator locator, ConsultationService consultations) : ManagePageModel(db, locator)
{
    [FromRoute(Name = "number")]
    public int Number { get; set; }

    public ConsultationComment Comment { get; private set; } = null!;

    public int? DuplicateOfNumber { get; private set; }

    public IReadOnlyList<(int Id, string Label)> Actions { get; private set; } = [];

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public bool ChangesPlan { get; set; }

    [BindProperty]
    public int? ChangedActionId { get; set; }

    [BindProperty(Name = "DuplicateOfNumber")]
    public int? GroupWith { get; set; }

    [BindProperty]
    public string? HiddenReason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Answer ??= Comment.Answer;
        ChangesPlan = Comment.ChangesPlan;
        ChangedActionId = Comment.ChangedActionId;
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await consultations.AnswerAsync(Comment.Id, new CommentAnswer(Answer, ChangesPlan, ChangesPlan ? ChangedActionId : null), Actor.From(User), ct);
        return await RespondAsync(result, $"Comentario {Number} respondido.", ct);
    }

    public async Task<IActionResult> OnPostGroupAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (GroupWith is null)
        {
            ModelState.AddModelError(ConsultationRules.DuplicateOf, "Indique el número del comentario con el que se agrupa.");
            return this.InvalidPage();
        }
        var result = await consultations.GroupAsync(Comment.Id, GroupWith, Actor.From(User), ct);
        return await RespondAsync(result, $"Comentario {Number} agrupado con el comentario {GroupWith}: comparte su respuesta.", ct);
    }

    public async Task<IActionResult> OnPostUngroupAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await consultations.GroupAsync(Comment.Id, null, Actor.From(User), ct);
        return await RespondAsync(result, $"Comentario {Number} separado de su grupo: necesita su propia respuesta.", ct);
    }

    public async Task<IActionResult> OnPostHideAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await consultations.HideAsync(Comment.Id, HiddenReason, Actor.From(User), ct);
        return await RespondAsync(result, $"Comentario {Number} oculto; se publica el motivo y sigue contado.", ct);
    }

    private Task<IActionResult> RespondAsync(Result<int> result, string notice, CancellationToken ct) =>
        this.RespondAsync(result,
            _ => this.RedirectWithNotice(notice, "/Plans/Manage/Consultation", new { entity = EntitySlug, year = Year }),
            () => LoadAsync(ct));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct) || await ConsultationReport.CurrentAsync(Db, Plan.Id, ct) is not { } consultation)
        {
            return false;
        }
        var comment = await Db.ConsultationComments.AsNoTracking().Include(c => c.DuplicateOf)
            .SingleOrDefaultAsync(c => c.ConsultationId == consultation.Id && c.Number == Number, ct);
        if (comment is null)
        {
            return false;
        }
        Comment = comment;
        DuplicateOfNumber = comment.DuplicateOf?.Number;
        var content = await PlanLifecycleService.ContentAsync(Db, Plan.Id, consultation.VersionNumber, ct);
        Actions = content is null ? [] : content.Components.SelectMany(c => c.Activities)
            .SelectMany(a => a.Actions.Select(x => (x.Id, $"{ActionSnapshot.Label(a.Code, x.Order)}: {x.Description}"))).ToList();
        return true;
    }
}
