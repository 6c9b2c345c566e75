using Vigia.Core.Plans;

namespace Vigia.Core.Schedule;

/// <summary>A proposed schedule (month → planned quantity, only months with something planned) and, in Spanish,
/// the rule that produced it, so the planner can judge it before saving.</summary>
public sealed record ScheduleSuggestion(IReadOnlyDictionary<int, decimal> Months, string Rule)
{
    public bool IsEmpty => Months.Count == 0;
}

/// <summary>Proposes a monthly schedule from an action's target and the wording of its goal. Pure and deterministic.</summary>
/// <remarks>
/// Rules, in order (docs/compliance.md, "Sugerir"):
/// <list type="number">
/// <item>No target, or a target of zero: nothing is proposed.</item>
/// <item>A percentage target ("100 %"): the whole percentage in December, when the year's result is measured.</item>
/// <item>A count that is not a whole number: all of it in December.</item>
/// <item>A count of 1: the month the goal names ("…en enero…"), otherwise December.</item>
/// <item>A count n from 2 to 11: one in each of n evenly spaced months ending in December, month ⌈12·k/n⌉ for
/// k = 1…n. This gives 11 → February to December (the monthly monitorings), 4 → March, June, September and
/// December (quarterly), 3 → April, August and December (the internal-control cut-offs), 2 → June and December.</item>
/// <item>A count of 12 or more: ⌊n/12⌋ every month and one more in each of the last n mod 12 months.</item>
/// </list>
/// </remarks>
public static class ScheduleSuggester
{
    public static ScheduleSuggestion Suggest(decimal? target, TargetUnit unit, string? goal)
    {
        if (target is not { } n || n <= 0)
        {
            return new ScheduleSuggestion(new Dictionary<int, decimal>(), "Sin meta numérica: programe los meses a mano.");
        }
        if (unit == TargetUnit.Percentage)
        {
            return Single(12, n, $"Meta en porcentaje: el {SpanishFormat.Number(n)} % se programa en diciembre, cuando se mide el resultado del año.");
        }
        if (n != decimal.Truncate(n))
        {
            return Single(12, n, $"Meta no entera ({SpanishFormat.Number(n)}): se programa completa en diciembre.");
        }
        if (n == 1)
        {
            return SpanishMonths.FirstNamedIn(goal) is { } named
                ? Single(named, 1, $"Una sola entrega, en {SpanishMonths.Name(named)}: el mes que nombra la meta.")
                : Single(12, 1, "Una sola entrega: se programa en diciembre porque la meta no nombra un mes.");
        }
        if (n < 12)
        {
            var count = (int)n;
            var months = Enumerable.Range(1, count).Select(k => ((12 * k) + count - 1) / count).ToList();
            return new ScheduleSuggestion(months.ToDictionary(m => m, _ => 1m), count switch
            {
                11 => "Once entregas: una por mes de febrero a diciembre.",
                4 => "Cuatro entregas: una por trimestre (marzo, junio, septiembre y diciembre).",
                3 => "Tres entregas: en los cortes de seguimiento de Control Interno (abril, agosto y diciembre).",
                _ => $"{count} entregas repartidas de manera uniforme: {SpanishMonths.List(months)}.",
            });
        }
        var each = decimal.Truncate(n / 12);
        var remainder = (int)(n - (each * 12));
        var spread = Enumerable.Range(1, 12).ToDictionary(m => m, m => each + (m > 12 - remainder ? 1 : 0));
        return new ScheduleSuggestion(spread, remainder == 0
            ? $"{SpanishFormat.Number(n)} repartidas por igual: {SpanishFormat.Number(each)} cada mes."
            : $"{SpanishFormat.Number(n)} repartidas: {SpanishFormat.Number(each)} cada mes y una más en cada uno de los últimos {remainder} meses.");
    }

    private static ScheduleSuggestion Single(int month, decimal quantity, string rule) =>
        new(new Dictionary<int, decimal> { [month] = quantity }, rule);
}
