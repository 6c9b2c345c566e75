namespace Vigia.Core.FollowUps;

/// <summary>The risk-map section of a follow-up in words, the same on screen, in the XLSX and in the PDF.</summary>
public static class FollowUpRiskText
{
    public const string PendingText = "Pendiente: cuando se cerró este seguimiento, Vigía todavía no registraba el mapa de riesgos de corrupción; no lo incluye.";

    public static readonly string[] Headers =
        ["Riesgo", "Proceso", "Zona inherente → residual", "Controles y su monitoreo en el periodo", "Materializaciones hasta el corte",
            "Valoración de Control Interno", "Observaciones de Control Interno"];

    /// <summary>What the section says before its table: why there is none, or the period and the summary.</summary>
    public static string Intro(FollowUpSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var map = snapshot.RiskMap;
        if (map.Status == SnapshotRiskMap.NoMap)
        {
            return $"La entidad no tiene mapa de riesgos de corrupción registrado en Vigía para la vigencia {snapshot.Plan.Year}: este seguimiento no incluye riesgos.";
        }
        if (map.Status == SnapshotRiskMap.OtherCutOffs)
        {
            return $"Este corte no es uno de los cortes de seguimiento del mapa de riesgos de corrupción de la vigencia {snapshot.Plan.Year}: "
                + "Control Interno sigue el mapa en sus propios cortes, cada uno con su seguimiento publicado aparte.";
        }
        if (map.Status != SnapshotRiskMap.Included || map.Summary is not { } s)
        {
            return PendingText;
        }
        var period = map.PeriodFromMonth == map.PeriodToMonth
            ? FollowUpText.Month(map.PeriodToMonth ?? 12)
            : $"{FollowUpText.Month(map.PeriodFromMonth ?? 1)} a {FollowUpText.Month(map.PeriodToMonth ?? 12)}";
        return $"Periodo de monitoreo: {period} de {snapshot.Plan.Year}. {Count(s.Risks, "riesgo", "riesgos")} con {Count(s.Controls, "control", "controles")}; "
            + $"{Count(s.Monitorings, "monitoreo", "monitoreos")} de controles en el periodo ({s.Executed} ejecutados, {s.Monitorings - s.Executed} no ejecutados); "
            + $"{Count(s.Materializations, "materialización", "materializaciones")} hasta el corte. "
            + $"Control Interno valoró {s.Assessed} de {s.Risks} riesgos: {s.Effective} con controles efectivos y {s.Assessed - s.Effective} con controles no efectivos.";
    }

    public static string Zones(SnapshotRisk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return $"{risk.InherentZone} → {risk.ResidualZone}";
    }

    /// <summary>One line per control: «Control 1 (cargo): marzo ejecutado (1 soporte); abril no ejecutado».</summary>
    public static string Controls(SnapshotRisk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        if (risk.Controls.Count == 0)
        {
            return "Sin controles";
        }
        return string.Join("\n", risk.Controls.Select(c => $"Control {c.Number} ({c.ResponsiblePost}): " + (c.Monitoring.Count == 0
            ? "sin monitoreo en el periodo"
            : string.Join("; ", c.Monitoring.Select(m => $"{FollowUpText.Month(m.Month)} {(m.Executed ? "ejecutado" : "no ejecutado")} "
                + $"({Count(m.Evidence.Count, "soporte", "soportes")}, {MonitoringStatus(m.Status)})")))));
    }

    public static string Materializations(SnapshotRisk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        if (risk.Materializations.Count == 0)
        {
            return "Ninguna";
        }
        return string.Join("\n", risk.Materializations.Select(m => $"{FollowUpText.Date(m.OccurredOn)}: {m.Description} Informada a {string.Join(", ", m.InformedTo)} "
            + $"el {FollowUpText.Date(m.ReportedOn)} ({Count(m.Evidence.Count, "soporte", "soportes")}). Plan de mejoramiento: {Count(m.Actions.Count, "acción", "acciones")}. "
            + (m.ReassessedAt is null ? "Riesgo sin revalorar." : $"Riesgo revalorado: {m.ReassessmentNote}")));
    }

    public static string Assessment(SnapshotRisk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.Assessment is not { } a ? "Sin valorar" : a.Effective ? "Controles efectivos" : "Controles no efectivos";
    }

    public static string MonitoringStatus(string status) => status switch
    {
        "Accepted" => "aceptado",
        "Returned" => "devuelto",
        _ => "sin revisar",
    };

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
