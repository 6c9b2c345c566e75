using System.Text;
using Vigia.Core.Mail;
using Vigia.Core.Progress;

namespace Vigia.Core.Reminders;

/// <summary>An action as a reminder names it: "3.1.4 · acción 2 — Realizar…".</summary>
internal sealed record ReminderAction(int Id, string Code, int Number, string Description, int ComponentId, IReadOnlyList<int> UnitIds)
{
    public string Label => $"{Code} · acción {Number} — {(Description.Length > 110 ? Description[..110].TrimEnd() + "…" : Description)}";
}

/// <summary>A report waiting for review, as the digest lists it.</summary>
internal sealed record PendingReview(int ReportId, int ActionId, int Year, int Month, DateTimeOffset SubmittedAt);

/// <summary>The text of each reminder, in Spanish, plain text only (read the same in every mail client).</summary>
internal static class ReminderMessages
{
    private const int MaxLines = 30;

    public static EmailMessage DeadlineApproaching(string to, string name, int year, int month, DateOnly deadline,
        IReadOnlyList<(ReminderAction Action, MissingReport Missing)> items, string? baseUrl)
    {
        var period = SpanishMonths.NameWithYear(year, month);
        var body = new StringBuilder()
            .AppendLine(SpanishFormat.Culture, $"Hola, {name}:")
            .AppendLine()
            .AppendLine(SpanishFormat.Culture, $"El plazo para reportar el avance de {period} vence el {SpanishFormat.LongDate(deadline)}.")
            .AppendLine("Sus unidades aún no han reportado estas acciones programadas en ese mes:")
            .AppendLine();
        AppendLines(body, items.Select(i => $"- {i.Action.Label} ({Owed(i.Missing)})").ToList());
        return new EmailMessage(to, name, $"Vigía: el reporte de avance de {period} vence el {SpanishFormat.LongDate(deadline)}",
            Closing(body, baseUrl, "/gestion", "Para reportar, ingrese a Vigía"));
    }

    /// <summary>What the month asks of the person's units: a collective action's part says its share and the action's total.</summary>
    private static string Owed(MissingReport missing) => missing.PartPlanned is { } part
        ? $"parte de su unidad: {SpanishFormat.Number(part)} de {SpanishFormat.Number(missing.Planned)} programado para la acción"
        : $"programado: {SpanishFormat.Number(missing.Planned)}";

    public static EmailMessage Overdue(string to, string name, IReadOnlyList<(ReminderAction Action, MissingReport Missing)> items, string? baseUrl)
    {
        var body = new StringBuilder()
            .AppendLine(SpanishFormat.Culture, $"Hola, {name}:")
            .AppendLine()
            .AppendLine(SpanishFormat.Culture, $"Sus unidades tienen {items.Count} {(items.Count == 1 ? "reporte de avance vencido" : "reportes de avance vencidos")}:")
            .AppendLine();
        AppendLines(body, items.Select(i =>
            $"- {i.Action.Label}: {SpanishMonths.NameWithYear(i.Missing.Year, i.Missing.Month)} (venció el {SpanishFormat.LongDate(i.Missing.Deadline)}{(i.Missing.PartPlanned is null ? "" : "; " + Owed(i.Missing))})").ToList());
        return new EmailMessage(to, name, items.Count == 1 ? "Vigía: tiene un reporte de avance vencido" : $"Vigía: tiene {items.Count} reportes de avance vencidos",
            Closing(body, baseUrl, "/gestion", "Para reportar, ingrese a Vigía"));
    }

    public static EmailMessage WeeklyDigest(string to, string name, IReadOnlyList<(ReminderAction Action, PendingReview Review)> reviews,
        IReadOnlyList<(ReminderAction Action, MissingReport Missing)> late, string? baseUrl)
    {
        var body = new StringBuilder()
            .AppendLine(SpanishFormat.Culture, $"Hola, {name}:")
            .AppendLine()
            .AppendLine("Resumen semanal de sus componentes en Vigía.")
            .AppendLine()
            .AppendLine(SpanishFormat.Culture, $"Reportes por revisar: {reviews.Count}");
        AppendLines(body, reviews.Select(r =>
            $"- {r.Action.Label}: {SpanishMonths.NameWithYear(r.Review.Year, r.Review.Month)}, enviado el {SpanishFormat.LongDate(ColombianTime.DateOf(r.Review.SubmittedAt))}").ToList());
        body.AppendLine().AppendLine(SpanishFormat.Culture, $"Reportes vencidos sin presentar: {late.Count}");
        AppendLines(body, late.Select(l =>
            $"- {l.Action.Label}: {SpanishMonths.NameWithYear(l.Missing.Year, l.Missing.Month)} (venció el {SpanishFormat.LongDate(l.Missing.Deadline)})").ToList());
        return new EmailMessage(to, name, $"Vigía: resumen semanal — {reviews.Count} por revisar, {late.Count} vencidos",
            Closing(body, baseUrl, "/gestion/revision", "Para revisar, ingrese a Vigía"));
    }

    private static void AppendLines(StringBuilder body, List<string> lines)
    {
        foreach (var line in lines.Take(MaxLines))
        {
            body.AppendLine(line);
        }
        if (lines.Count > MaxLines)
        {
            body.AppendLine(SpanishFormat.Culture, $"- … y {lines.Count - MaxLines} más.");
        }
    }

    private static string Closing(StringBuilder body, string? baseUrl, string path, string invitation)
    {
        body.AppendLine();
        body.AppendLine(string.IsNullOrWhiteSpace(baseUrl) ? $"{invitation}, sección Gestión." : $"{invitation}: {baseUrl.TrimEnd('/')}{path}");
        body.AppendLine();
        body.AppendLine("Este mensaje lo envía Vigía automáticamente; no lo responda.");
        return body.ToString();
    }
}
