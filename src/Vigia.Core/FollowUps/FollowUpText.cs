using Vigia.Core.Compliance;
using Vigia.Core.Plans;

namespace Vigia.Core.FollowUps;

/// <summary>The Spanish words and number formats of the follow-up, the same on screen, in XLSX and in PDF.</summary>
public static class FollowUpText
{
    public const string DraftMark = "BORRADOR";
    public const string DraftNotice = "BORRADOR: seguimiento sin cerrar, generado con los datos actuales; no es el informe oficial.";

    public const string SimulatedNotice = "DATOS SIMULADOS: este seguimiento se basa en una programación mensual o en reportes de avance generados automáticamente para la "
        + "demostración de Vigía; no corresponden a la ejecución real de la entidad.";

    public static string Title(string planKind) => planKind == nameof(PlanKind.Ptep)
        ? "FORMATO SEGUIMIENTO AL PROGRAMA DE TRANSPARENCIA Y ÉTICA PÚBLICA"
        : "FORMATO SEGUIMIENTO AL PLAN ANTICORRUPCIÓN Y DE ATENCIÓN AL CIUDADANO";

    /// <summary>What a follow-up's «% de avance» means, in one sentence, on every public page that prints one (docs/follow-up.md).</summary>
    public const string FigureMeaning = "El % de avance de un seguimiento es la proporción de actividades que Control Interno encontró cumplidas entre las "
        + "actividades programadas desde enero hasta la fecha del corte; es su verificación congelada en el informe y puede diferir del "
        + "tablero de cumplimiento, que cuenta los reportes aceptados a la fecha.";

    public const string RiskMapTitle = "SEGUIMIENTO AL MAPA DE RIESGOS DE CORRUPCIÓN";

    /// <summary>The report's title: the plan's official format, or the risk map's for a follow-up of the map alone.</summary>
    public static string Title(FollowUpSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.CutOff.RiskMapOnly ? RiskMapTitle : Title(snapshot.Plan.Kind);
    }

    /// <summary>«Segundo seguimiento», or «Segundo seguimiento al mapa de riesgos» for a follow-up of the map alone.</summary>
    public static string Ordinal(SnapshotCutOff cutOff)
    {
        ArgumentNullException.ThrowIfNull(cutOff);
        return Ordinal(cutOff.Number, cutOff.RiskMapOnly ? FollowUpScope.RiskMap : FollowUpScope.Plan);
    }

    public static string Ordinal(int number, FollowUpScope scope) => Ordinal(number) + (scope == FollowUpScope.RiskMap ? " al mapa de riesgos" : "");

    public static string Status(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Completed => "Cumplida",
        AssessmentStatus.InProgress => "En avance",
        AssessmentStatus.NoProgress => "Sin avance",
        _ => "No programada en el periodo",
    };

    public static string Status(SnapshotAssessment? assessment) => assessment is null ? "Sin valorar" : Status(assessment.StatusValue);

    public static string ReportStatus(string status) => status switch
    {
        nameof(Progress.ReportStatus.Submitted) => "Enviado",
        nameof(Progress.ReportStatus.Accepted) => "Aceptado",
        nameof(Progress.ReportStatus.Returned) => "Devuelto",
        nameof(Progress.ReportStatus.Superseded) => "Reemplazado",
        _ => status,
    };

    public static string FollowUpStatus(FollowUps.FollowUpStatus? status) => status switch
    {
        null => "Sin iniciar",
        FollowUps.FollowUpStatus.Draft => "En curso",
        FollowUps.FollowUpStatus.Closed => "Cerrado, sin publicar",
        _ => "Publicado",
    };

    /// <summary>"Alta", "Media", "Baja" for a band code of the snapshot; "Sin dato" when the period had nothing programmed.</summary>
    public static string Band(string? band) => ComplianceLevels.FromCode(band) is { } level ? ComplianceLevels.Name(level) : "Sin dato";

    /// <summary>"82,5 %": one decimal, as the follow-up computes its percentages; "—" for none.</summary>
    public static string Percent(decimal? value) => value is { } v ? SpanishFormat.Percent(v, 1) : "—";

    public static string Number(decimal? value) => value is { } v ? SpanishFormat.Number(v) : "—";

    public static string Date(DateOnly date) => SpanishFormat.LongDate(date);

    public static string Ordinal(int number) => number switch
    {
        1 => "Primer",
        2 => "Segundo",
        3 => "Tercer",
        4 => "Cuarto",
        _ => $"{number}.º",
    } + " seguimiento";

    public static string Month(int month) => SpanishMonths.Name(month);

    public static string Publication(FollowUpDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.IsDraft ? "Sin publicar (borrador)"
            : document.PublishedOn is { } on ? Date(on) + (document.PublishedLate ? " (publicado fuera del plazo)" : " (dentro del plazo)")
            : "Sin publicar";
    }

    /// <summary>Whether the report came out within its legal term, as the PDF and the public list say it.</summary>
    /// <summary>The audit checkpoint sealed into a published snapshot, and what it lets a reader check.</summary>
    public static string SealedCheckpoint(string checkpoint) =>
        $"Punto de control del registro de auditoría al cerrar este seguimiento: {checkpoint}. Con él, cualquiera puede comprobar que el registro no se recortó ni se reescribió hasta ese momento (audit verify --checkpoint).";

    public static string Timeliness(FollowUpDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.IsDraft ? "Sin publicar (borrador)"
            : document.PublishedOn is null ? "Sin publicar"
            : document.PublishedLate ? $"Publicado fuera del plazo (vencía el {Date(document.Snapshot.CutOff.PublicationDeadline)})"
            : "Publicado dentro del plazo";
    }

    public static string Schedule(IReadOnlyList<SnapshotMonth> schedule) => schedule.Count == 0
        ? "Sin programación mensual"
        : string.Join(", ", schedule.Select(s => $"{SpanishMonths.Abbreviation(s.Month).ToLowerInvariant()}: {Number(s.Quantity)}"));

    /// <summary>The columns of the summary per component, the same on screen, in XLSX and in PDF.</summary>
    public static IReadOnlyList<string> SummaryHeaders { get; } =
    [
        "Componente", "Actividades programadas", "Actividades cumplidas", "% de avance", "Acciones programadas", "Acciones cumplidas",
        "Avance promedio verificado", "Zona", "Observaciones",
    ];

    public static string Computation(SnapshotBands bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return "% de avance = actividades cumplidas ÷ actividades programadas en el periodo; una actividad está cumplida cuando todas "
            + "sus acciones programadas en el periodo están cumplidas. Sin valoración de Control Interno, una acción cuenta como dicen "
            + "la programación mensual y los reportes aceptados. Avance promedio = promedio del avance verificado "
            + "por Control Interno en las acciones programadas. Las acciones «no programadas en el periodo» no se cuentan. "
            + $"Zonas: baja 0 a {bands.MediaFrom - 1} %, media {bands.MediaFrom} a {bands.AltaFrom - 1} %, alta {bands.AltaFrom} a 100 %.";
    }

    /// <summary>Where Control Interno's judgement departs from the schedule and the accepted reports, the report says so
    /// (the figure then differs from the public dashboard's); null when they agree.</summary>
    public static string? Differences(FollowUpSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var codes = snapshot.Actions.Where(a => a.DiffersFromReports).Select(a => a.Code).ToList();
        return codes.Count == 0
            ? null
            : $"La valoración de Control Interno difiere de la programación y los reportes aceptados en {codes.Count} "
                + (codes.Count == 1 ? "acción" : "acciones") + $" ({string.Join(", ", codes)}); por eso el % de avance de este seguimiento "
                + "puede ser distinto del que muestra el tablero público a la misma fecha.";
    }

    /// <summary>What the schedule and the accepted reports say of one action, for the detail.</summary>
    public static string FromReports(SnapshotAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.ReportsProgrammed switch
        {
            null => "—",
            { } programmed => Compliance.OfficialCompliance.VerdictLabel(new Compliance.ActionVerdict("", programmed, action.ReportsCompleted == true)),
        };
    }
}
