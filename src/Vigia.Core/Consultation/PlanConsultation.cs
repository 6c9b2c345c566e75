using Vigia.Core.Plans;

namespace Vigia.Core.Consultation;

public enum ConsultationStatus
{
    /// <summary>Opened by Planeación: comments are received between the opening and closing dates.</summary>
    Open = 1,
    /// <summary>Closed, with its report («informe de la consulta») published.</summary>
    Closed = 2,
}

/// <summary>What a citizen comments on: the plan as a whole, one component, or one action.</summary>
public enum CommentTarget
{
    Plan = 1,
    Component = 2,
    Action = 3,
}

/// <summary>The citizen consultation on one draft version of a plan: its dates (Colombian calendar), its comments and,
/// once closed, its report.</summary>
public class PlanConsultation
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    /// <summary>The draft version consulted; it stays «En consulta» until the consultation closes.</summary>
    public int VersionNumber { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public ConsultationStatus Status { get; set; } = ConsultationStatus.Open;
    public DateTimeOffset OpenedAt { get; set; }
    public string? OpenedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>The Colombian date it was closed; before <see cref="ClosesOn"/> ends when Planeación closed it early.</summary>
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedBy { get; set; }
    public List<ConsultationComment> Comments { get; set; } = [];

    public bool ClosedEarly => ClosedOn is { } on && on <= ClosesOn;

    /// <summary>Whether a comment may be received on <paramref name="today"/> (a Colombian date).</summary>
    public bool AcceptsCommentsOn(DateOnly today) => Status == ConsultationStatus.Open && today >= OpensOn && today <= ClosesOn;
}

/// <summary>One citizen's comment, with Planeación's answer. A duplicate points at the comment whose answer it shares;
/// a hidden comment (abuse, personal data) keeps its number and is counted, its text replaced by the published reason.</summary>
public class ConsultationComment
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public PlanConsultation? Consultation { get; set; }
    /// <summary>The public number within the consultation, in order of arrival (1, 2, …).</summary>
    public int Number { get; set; }
    public CommentTarget Target { get; set; }
    public int? ComponentNumber { get; set; }
    public int? ActionId { get; set; }
    /// <summary>What the comment is about, as the citizen saw it («Acción 1.3.4: …»), kept as text so the report reads the
    /// same after the plan changes.</summary>
    public required string TargetLabel { get; set; }
    public required string Text { get; set; }
    public string? AuthorName { get; set; }
    public string? Organisation { get; set; }
    /// <summary>Never published: only for Planeación to reach the person.</summary>
    public string? Email { get; set; }
    /// <summary>The person consented to publishing their name (and organisation).</summary>
    public bool PublishName { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
    /// <summary>Whether the comment changed the plan («acogido»).</summary>
    public bool ChangesPlan { get; set; }
    public int? ChangedActionId { get; set; }
    public string? ChangedActionLabel { get; set; }
    /// <summary>The comment this one duplicates; its answer is the group's answer.</summary>
    public int? DuplicateOfId { get; set; }
    public ConsultationComment? DuplicateOf { get; set; }
    public string? HiddenReason { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }

    public bool IsHidden => HiddenReason is not null;
}
