using Vigia.Core.Plans;


namespace Vigia.Core.Progress;

/// <summary>The checks a report's form must pass, shared by submission, edits and corrections.</summary>
internal static class ReportRules
{
    public static void CheckMonth(Dictionary<string, string> errors, int year, PlanStatus status, int month, DateOnly today)
    {
        if (month is < 1 or > 12)
        {
            errors[ReportFields.Month] = "Elija un mes entre enero y diciembre.";
        }
        else if (status == PlanStatus.Closed)
        {
            errors[ReportFields.Month] = $"El plan de {year} está cerrado: ya no recibe reportes.";
        }
        else if (!ProgressCalendar.HasBegun(year, month, today))
        {
            errors[ReportFields.Month] = $"Aún no puede reportar {SpanishMonths.NameWithYear(year, month)}: el mes no ha empezado.";
        }
    }

    public static void CheckContent(Dictionary<string, string> errors, TargetUnit unit, decimal quantity, string? narrative)
    {
        if (quantity < 0)
        {
            errors[ReportFields.Quantity] = "La cantidad ejecutada no puede ser negativa.";
        }
        else if (unit == TargetUnit.Percentage && quantity > 100)
        {
            errors[ReportFields.Quantity] = "La meta es un porcentaje: escriba un valor entre 0 y 100.";
        }
        else if (quantity > 1_000_000_000)
        {
            errors[ReportFields.Quantity] = "La cantidad ejecutada es demasiado grande; revísela.";
        }
        CheckText(errors, ReportFields.Narrative, narrative, ProgressService.MaxNarrativeLength, "Describa lo que se hizo en el mes.");
    }

    public static void CheckText(Dictionary<string, string> errors, string field, string? text, int maxLength, string whenBlank)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = whenBlank;
        }
        else if (text.Trim().Length > maxLength)
        {
            errors[field] = $"El texto no puede pasar de {maxLength} caracteres (tiene {text.Trim().Length}).";
        }
    }

    public static void AddIf(Dictionary<string, string> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors[field] = message;
        }
    }
}
