using Vigia.Core.Plans;

namespace Vigia.Core.Consultation;

/// <summary>One comment as the public sees it: the name only with consent, never the e-mail; a hidden comment without
/// its text but with the reason; a duplicate with its group's answer.</summary>
public sealed record CommentView(int Id, int Number, CommentTarget Target, int? ComponentNumber, int? ActionId, string TargetLabel,
    string? Text, string? Author, DateTimeOffset ReceivedAt, string? Answer, DateTimeOffset? AnsweredAt, bool ChangesPlan,
    string? ChangedActionLabel, int? DuplicateOfNumber, string? HiddenReason)
{
    public bool IsHidden => HiddenReason is not null;

    /// <summary>What the answer did to the plan, in the report's words.</summary>
    public string Outcome => Answer is null ? "Sin respuesta"
        : !ChangesPlan ? "No modifica el plan"
        : ChangedActionLabel is null ? "Modifica el plan" : $"Modifica el plan: {ChangedActionLabel}";
}

/// <summary>A consultation and its comments, and the report's counts. Every page, file and open-data set of the
/// consultation reads it from here, so they all say the same.</summary>
public sealed record ConsultationView(int Id, int PlanId, string EntityName, string EntitySlug, int Year, string PlanTitle, int VersionNumber,
    DateOnly OpensOn, DateOnly ClosesOn, ConsultationStatus Status, DateOnly? ClosedOn, IReadOnlyList<CommentView> Comments)
{
    public bool IsClosed => Status == ConsultationStatus.Closed;

    public bool ClosedEarly => ClosedOn is { } on && on <= ClosesOn;

    public int Received => Comments.Count;

    public int Hidden => Comments.Count(c => c.IsHidden);

    public int Answered => Comments.Count(c => c.Answer is not null);

    public int ChangedPlan => Comments.Count(c => c.ChangesPlan && c.Answer is not null);

    public bool AcceptsCommentsOn(DateOnly today) => Status == ConsultationStatus.Open && today >= OpensOn && today <= ClosesOn;

    public string StateText(DateOnly today) => Status == ConsultationStatus.Closed
        ? $"Cerrada el {SpanishFormat.LongDate(ClosedOn!.Value)}{(ClosedEarly && ClosedOn < ClosesOn ? " (antes de la fecha prevista)" : "")}; informe publicado"
        : today < OpensOn ? $"Abre el {SpanishFormat.LongDate(OpensOn)}"
        : today <= ClosesOn ? $"Abierta: recibe comentarios hasta el {SpanishFormat.LongDate(ClosesOn)}"
        : "Terminó la recepción de comentarios; Planeación está respondiendo";
}

public static class ConsultationReport
{
    /// <summary>The plan's latest consultation (open or closed), tracked; null when there has been none.</summary>
    public static Task<PlanConsultation?> CurrentAsync(AppDbContext db, int planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PlanConsultations.Where(c => c.PlanId == planId).OrderByDescending(c => c.VersionNumber).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The plan's consultation of <paramref name="versionNumber"/> (the latest when null), as the public sees it.</summary>
    public static async Task<ConsultationView?> LoadAsync(AppDbContext db, int planId, int? versionNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var c = await db.PlanConsultations.AsNoTracking()
            .Where(c => c.PlanId == planId && (versionNumber == null || c.VersionNumber == versionNumber))
            .OrderByDescending(c => c.VersionNumber).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.PlanId,
                EntityName = c.Plan!.Entity!.Name,
                EntitySlug = c.Plan.Entity.Slug,
                c.Plan.Year,
                c.Plan.Title,
                c.VersionNumber,
                c.OpensOn,
                c.ClosesOn,
                c.Status,
                c.ClosedOn,
            })
            .FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }
        var rows = await db.ConsultationComments.AsNoTracking().Where(x => x.ConsultationId == c.Id).OrderBy(x => x.Number).ToListAsync(ct);
        var byId = rows.ToDictionary(x => x.Id);
        var comments = rows.Select(x =>
        {
            var lead = x.DuplicateOfId is { } id ? byId[id] : x;
            var author = x.PublishName ? string.Join(" — ", new[] { x.AuthorName, x.Organisation }.Where(s => s is not null)) : null;
            return new CommentView(x.Id, x.Number, x.Target, x.ComponentNumber, x.ActionId, x.TargetLabel,
                x.IsHidden ? null : x.Text, string.IsNullOrEmpty(author) ? null : author, x.ReceivedAt,
                lead.Answer, lead.AnsweredAt, lead.Answer is not null && lead.ChangesPlan, lead.ChangedActionLabel,
                x.DuplicateOfId is null ? null : lead.Number, x.HiddenReason);
        }).ToList();
        return new ConsultationView(c.Id, c.PlanId, c.EntityName, c.EntitySlug, c.Year, c.Title, c.VersionNumber, c.OpensOn, c.ClosesOn,
            c.Status, c.ClosedOn, comments);
    }

    /// <summary>The closed consultations of a plan by the version they consulted, for the change log's links.</summary>
    public static async Task<IReadOnlySet<int>> ReportedVersionsAsync(AppDbContext db, int planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.PlanConsultations.AsNoTracking().Where(c => c.PlanId == planId && c.Status == ConsultationStatus.Closed)
            .Select(c => c.VersionNumber).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>How a comment's subject reads («Plan en general», «Componente 1: …», «Acción 1.3.4-1: …»); null when it is
    /// not part of the consulted content.</summary>
    public static string? TargetLabel(PlanSnapshot content, CommentTarget target, int? componentNumber, int? actionId)
    {
        ArgumentNullException.ThrowIfNull(content);
        switch (target)
        {
            case CommentTarget.Plan:
                return "Plan en general";
            case CommentTarget.Component:
                var component = content.Components.FirstOrDefault(c => c.Number == componentNumber);
                return component is null ? null : string.Create(CultureInfo.InvariantCulture, $"Componente {component.Number}: {component.Name}");
            case CommentTarget.Action:
                foreach (var activity in content.Components.SelectMany(c => c.Activities))
                {
                    var action = activity.Actions.FirstOrDefault(a => a.Id == actionId);
                    if (action is not null)
                    {
                        return $"Acción {ActionSnapshot.Label(activity.Code, action.Order)}: {Shorten(action.Description)}";
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : string.Concat(text.AsSpan(0, 157).TrimEnd(), "…");
}
