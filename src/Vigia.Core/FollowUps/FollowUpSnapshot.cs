using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigia.Core.FollowUps;

/// <summary>Everything a follow-up judged, as it was when it was closed (or, for a draft, as it is now). The
/// report in every format is generated from this record and nothing else.</summary>
/// <param name="AuditCheckpoint">The audit trail's head (<c>SEQ:HASH</c>) when the snapshot was taken, sealed into it: the
/// published report then vouches for the trail up to that entry (issue 14). Null in snapshots taken before it was kept.</param>
public sealed record FollowUpSnapshot(
    string Schema,
    SnapshotEntity Entity,
    SnapshotPlan Plan,
    SnapshotCutOff CutOff,
    SnapshotFollowUp FollowUp,
    SnapshotBands Bands,
    IReadOnlyList<SnapshotComponent> Components,
    SnapshotTotals Totals,
    SnapshotRiskMap RiskMap,
    string? AuditCheckpoint = null)
{
    /// <summary>v2 counts activities (v1 counted actions as «actividades») and records what the reports say of each action;
    /// v3 fills the risk-map section.</summary>
    public const string CurrentSchema = "vigia-seguimiento-v3";

    [JsonIgnore]
    public IEnumerable<SnapshotAction> Actions => Components.SelectMany(c => c.Actions);

    /// <summary>Rests on reports or on a monthly schedule made by the demo simulation: every output of the follow-up says so.</summary>
    [JsonIgnore]
    public bool Simulated => Actions.Any(a => a.Reports.Any(r => r.IsSimulated)) || SimulatedSchedule;

    /// <summary>Some month of the schedule the follow-up judged against was programmed by the demo simulation («Programación simulada»).</summary>
    [JsonIgnore]
    public bool SimulatedSchedule => Actions.Any(a => a.Schedule.Any(m => m.IsSimulated));
}

public sealed record SnapshotEntity(string Name, string Slug);

public sealed record SnapshotPlan(int Id, string Kind, int Year, string Title, string? DocumentCode, int Version, string? VersionSourceSha256);

/// <param name="Scope">«mapaRiesgos» for a follow-up of the risk map alone (a risk-map cut-off that is not one of the plan's:
/// no components, no actions); absent (null, not written) for the plan's follow-up, so those snapshots read as before.</param>
public sealed record SnapshotCutOff(int Number, DateOnly Date, DateOnly PublicationDeadline, int Term, string TermUnit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Scope = null)
{
    public const string RiskMapScope = "mapaRiesgos";

    [JsonIgnore]
    public bool RiskMapOnly => Scope == RiskMapScope;
}

public sealed record SnapshotFollowUp(int Version, string? CorrectionReason, string? PreviousSnapshotSha256, DateTimeOffset? ClosedAt, string? ClosedBy);

public sealed record SnapshotBands(int MediaFrom, int AltaFrom);

public sealed record SnapshotComponent(int Number, string Name, string? Observations, IReadOnlyList<SnapshotMonitoring> Monitoring,
    IReadOnlyList<SnapshotAction> Actions, SnapshotTotals Totals);

public sealed record SnapshotMonitoring(int Month, string Summary, DateTimeOffset ClosedAt, string? ClosedBy);

/// <param name="PlannedToCutOff">Sum of the monthly schedule from January to the cut-off month.</param>
/// <param name="ScheduledInPeriod">What the plan says: a quantity programmed up to the cut-off, or no monthly
/// schedule at all (then the whole year is the period).</param>
/// <param name="ReportedToCutOff">Accepted reports up to the cut-off: their sum for counts, the latest for percentages.</param>
/// <param name="Programmed">Counted as programmed: the assessment says so (any status but "no programada"), or,
/// without one, <paramref name="ReportsProgrammed"/>.</param>
/// <param name="Completed">Assessed "cumplida", or, without an assessment, <paramref name="ReportsCompleted"/>.</param>
/// <param name="ReportsProgrammed">What the official rule says from the schedule: something planned up to the cut-off
/// (null in snapshots of schema v1).</param>
/// <param name="ReportsCompleted">What the official rule says from the accepted reports: they reach what was planned.</param>
public sealed record SnapshotAction(int Id, string ActivityCode, string ActivityName, string? Subcomponent, int Number, string Description,
    string Goal, decimal? TargetQuantity, string TargetUnit, IReadOnlyList<string> ResponsibleUnits, IReadOnlyList<SnapshotMonth> Schedule,
    decimal PlannedToCutOff, bool ScheduledInPeriod, decimal? ReportedToCutOff, IReadOnlyList<SnapshotReport> Reports,
    SnapshotAssessment? Assessment, bool Programmed, bool Completed, bool? ReportsProgrammed = null, bool? ReportsCompleted = null)
{
    [JsonIgnore]
    public string Code => $"{ActivityCode}.{Number}";

    /// <summary>Control Interno's assessment counts this action differently from the schedule and the accepted reports.</summary>
    [JsonIgnore]
    public bool DiffersFromReports => Assessment is not null && ReportsProgrammed is { } programmed
        && (Programmed != programmed || Completed != (ReportsCompleted ?? false));
}

/// <param name="IsSimulated">The month was programmed by the demo simulation (<see cref="Schedule.ScheduleEntry.IsSimulated"/>); not
/// written when false, so snapshots taken before it was kept read, and hash, as before.</param>
public sealed record SnapshotMonth(int Month, decimal Quantity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool IsSimulated = false);

public sealed record SnapshotReport(int Id, int Month, decimal ExecutedQuantity, string Narrative, string Status, DateTimeOffset SubmittedAt,
    string? SubmittedBy, bool IsLate, int? CorrectsId, string? ReviewComment, string? ReviewedBy, DateTimeOffset? ReviewedAt,
    IReadOnlyList<SnapshotEvidence> Evidence, bool IsSimulated = false);

public sealed record SnapshotEvidence(int Id, string Kind, string? FileName, string? Url, string? Description, long? SizeBytes, string? Sha256);

public sealed record SnapshotAssessment(string Status, decimal? VerifiedPercent, decimal? VerifiedQuantity, string? Observations,
    DateTimeOffset AssessedAt, string? AssessedBy)
{
    [JsonIgnore]
    public AssessmentStatus StatusValue => Enum.Parse<AssessmentStatus>(Status);
}

/// <param name="Activities">Activities (1.1.1) in the plan (or component).</param>
/// <param name="Actions">Actions in the plan (or component).</param>
/// <param name="ProgrammedActivities">Actividades programadas en el periodo: at least one action programmed.</param>
/// <param name="CompletedActivities">Actividades cumplidas: every programmed action completed.</param>
/// <param name="ProgrammedActions">Acciones programadas en el periodo.</param>
/// <param name="CompletedActions">Acciones cumplidas.</param>
/// <param name="Assessed">Actions that have an assessment (all of them once closed).</param>
/// <param name="CompliancePercent">Completed ÷ programmed activities × 100, one decimal (<see cref="Compliance.OfficialCompliance"/>);
/// null with nothing programmed.</param>
/// <param name="AverageProgress">Mean verified progress of the assessed programmed actions, one decimal.</param>
/// <param name="Band">alta, media or baja, from <paramref name="CompliancePercent"/>.</param>
/// <param name="DifferFromReports">Assessed actions counted differently from what the schedule and the accepted reports say.</param>
public sealed record SnapshotTotals(int Activities, int Actions, int ProgrammedActivities, int CompletedActivities, int ProgrammedActions,
    int CompletedActions, int Assessed, decimal? CompliancePercent, decimal? AverageProgress, string? Band, int DifferFromReports);

/// <summary>The risk-map follow-up of the cut-off: each risk of the entity's map of the year with its controls and
/// their monitoring in the period, its materializations up to the cut-off and Control Interno's assessment.</summary>
/// <param name="Status">«incluido»; «sin-mapa» when the entity has no map that year; «otros-cortes» when the cut-off is
/// not one of the risk-map cut-offs; «pendiente» in snapshots of schema v2, closed before Vigía recorded the map (they
/// have no items).</param>
/// <param name="PeriodFromMonth">First month of the period whose monitoring is reported (the month after the
/// previous cut-off); the period ends with the cut-off's month.</param>
public sealed record SnapshotRiskMap(string Status, IReadOnlyList<SnapshotRisk> Items, int? PeriodFromMonth = null, int? PeriodToMonth = null,
    SnapshotRiskSummary? Summary = null)
{
    public const string Included = "incluido";
    public const string NoMap = "sin-mapa";
    public const string PendingStatus = "pendiente";
    /// <summary>A plan cut-off that is not one of the risk-map cut-offs: the map is followed up at its own.</summary>
    public const string OtherCutOffs = "otros-cortes";

    public static SnapshotRiskMap Pending { get; } = new(PendingStatus, []);
}

/// <param name="InherentZone">The zone's name as the risk's method writes it («Alto»).</param>
public sealed record SnapshotRisk(int Id, string Code, string Process, string Description, string InherentZone, string ResidualZone,
    IReadOnlyList<SnapshotRiskControl> Controls, IReadOnlyList<SnapshotMaterialization> Materializations, SnapshotRiskAssessment? Assessment);

public sealed record SnapshotRiskControl(int Number, string Description, string ResponsiblePost, IReadOnlyList<SnapshotControlMonitoring> Monitoring);

/// <param name="Status">Submitted, Accepted or Returned: the live monitoring of the month.</param>
public sealed record SnapshotControlMonitoring(int Month, bool Executed, string Note, string Status, string? ReviewedBy,
    IReadOnlyList<SnapshotEvidence> Evidence);

public sealed record SnapshotMaterialization(DateOnly OccurredOn, string Description, IReadOnlyList<string> InformedTo, DateOnly ReportedOn,
    IReadOnlyList<SnapshotEvidence> Evidence, IReadOnlyList<SnapshotImprovementAction> Actions, DateTimeOffset? ReassessedAt, string? ReassessmentNote);

public sealed record SnapshotImprovementAction(string Description, string Unit, DateOnly StartDate, DateOnly EndDate, string Deliverable);

public sealed record SnapshotRiskAssessment(bool Effective, string? Observations, DateTimeOffset AssessedAt, string? AssessedBy);

/// <param name="Monitorings">Live monitorings of the period, of every control; <paramref name="Executed"/> of them say executed.</param>
public sealed record SnapshotRiskSummary(int Risks, int Controls, int Monitorings, int Executed, int Materializations, int Assessed, int Effective);

/// <summary>The canonical text of a snapshot and its hash: compact JSON, properties in declaration order,
/// camelCase names, UTF-8 without escaping of accents, decimals without trailing zeros, instants in UTC.</summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(FollowUpSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static FollowUpSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<FollowUpSnapshot>(json, Options) ?? throw new InvalidDataException("Instantánea vacía.");

    public static string Sha256(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
