namespace Vigia.Core.Consultation;

/// <summary>The report's words, shared by the page, the PDF and the XLSX.</summary>
public static class ConsultationText
{
    public const string Heading = "Informe de la consulta ciudadana";
    public const string Anonymous = "Sin nombre publicado";
    public const string HiddenText = "(Comentario oculto por moderación)";

    public static string Title(ConsultationView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{Heading} — {report.PlanTitle} {report.Year.ToString(CultureInfo.InvariantCulture)} — {report.EntityName}";
    }

    public static string Summary(ConsultationView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var received = report.Received == 1 ? "1 comentario recibido" : $"{report.Received.ToString(CultureInfo.InvariantCulture)} comentarios recibidos";
        return $"{received}; {report.Answered.ToString(CultureInfo.InvariantCulture)} con respuesta; {report.ChangedPlan.ToString(CultureInfo.InvariantCulture)} modifican el plan; {report.Hidden.ToString(CultureInfo.InvariantCulture)} ocultos por moderación (se cuentan).";
    }

    public static string Period(ConsultationView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Del {SpanishFormat.LongDate(report.OpensOn)} al {SpanishFormat.LongDate(report.ClosesOn)} (hora de Colombia)";
    }
}
