using Vigia.Core.Progress;

namespace Vigia.Web.Pages.Progress;

/// <summary>How reporting values read on screen: statuses as words (with a badge class that is never the only
/// signal), quantities the Colombian way, instants on Colombian time.</summary>
public static class ProgressDisplay
{
    public static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Submitted => "Por revisar",
        ReportStatus.Accepted => "Aceptado",
        ReportStatus.Returned => "Devuelto",
        ReportStatus.Superseded => "Reemplazado",
        _ => status.ToString(),
    };

    public static string StatusClass(ReportStatus status) => status switch
    {
        ReportStatus.Submitted => "status status-to-review",
        ReportStatus.Accepted => "status status-accepted",
        ReportStatus.Returned => "status status-returned",
        _ => "status status-superseded",
    };

    public static string Quantity(decimal value, TargetUnit unit) =>
        unit == TargetUnit.Percentage ? SpanishFormat.Percent(value) : SpanishFormat.Number(value);

    /// <summary>What to type in the quantity box: no thousands dots, decimal comma ("2,5").</summary>
    public static string QuantityInput(decimal value) => SpanishFormat.Input(value);

    public static string Month(int year, int month) => SpanishMonths.NameWithYear(year, month);

    public static string Date(DateOnly date) => SpanishFormat.LongDate(date);

    public static string Instant(DateTimeOffset instant) => SpanishFormat.DateTime(instant);

    public static string Size(long? bytes) => bytes is { } b ? SpanishFormat.FileSize(b) : "";

    /// <summary>"3.1.4 · acción 2".</summary>
    public static string ActionLabel(string activityCode, int number) => $"{activityCode} · acción {number}";
}

/// <summary>A piece of evidence as the pages list it.</summary>
public sealed record EvidenceView(int Id, EvidenceKind Kind, string? FileName, long? SizeBytes, string? Sha256, string? Url)
{
    public static IQueryable<EvidenceView> Of(IQueryable<Evidence> evidence) =>
        evidence.OrderBy(e => e.Id).Select(e => new EvidenceView(e.Id, e.Kind, e.FileName, e.SizeBytes, e.Sha256, e.Url));
}
