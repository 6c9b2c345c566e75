using Vigia.Core.Progress;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>A piece of the risk map's evidence as the pages list it.</summary>
public sealed record RiskEvidenceView(int Id, EvidenceKind Kind, string? FileName, long? SizeBytes, string? Sha256, string? Url)
{
    public static IQueryable<RiskEvidenceView> Of(IQueryable<RiskEvidence> evidence) =>
        evidence.OrderBy(e => e.Id).Select(e => new RiskEvidenceView(e.Id, e.Kind, e.FileName, e.SizeBytes, e.Sha256, e.Url));
}

/// <summary>The Spanish words of the risk map's monitoring and materializations.</summary>
public static class TrackingDisplay
{
    public static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Submitted => "Pendiente de revisión",
        ReportStatus.Accepted => "Aceptado",
        ReportStatus.Returned => "Devuelto",
        _ => "Reemplazado",
    };

    public static string Executed(bool executed) => executed ? "Ejecutado" : "No ejecutado";

    public static string Authorities(Authorities informed) => string.Join(", ", new[]
    {
        (Core.RiskMap.Tracking.Authorities.Procuraduria, "Procuraduría"),
        (Core.RiskMap.Tracking.Authorities.Contraloria, "Contraloría"),
        (Core.RiskMap.Tracking.Authorities.Fiscalia, "Fiscalía"),
    }.Where(a => informed.HasFlag(a.Item1)).Select(a => a.Item2));

    public static string Size(long? bytes) => bytes is { } b ? SpanishFormat.FileSize(b) : "";
}
