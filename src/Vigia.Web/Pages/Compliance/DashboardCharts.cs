using Vigia.Core.Compliance;
using Vigia.Web.Charts;

namespace Vigia.Web.Pages.Compliance;

/// <summary>The dashboard's charts, each with a description that says in words what the picture shows.</summary>
public static class DashboardCharts
{
    public static BarChart Components(PlanCompliance result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var items = result.Components
            .Select(c => new BarItem($"{c.Code}. {c.Name}", c.Official.Percent, result.Bands.Classify(c.Official.Percent)))
            .ToList();
        return new BarChart("grafico-componentes", "Cumplimiento a la fecha por componente",
            "Porcentaje de las actividades programadas a la fecha que están cumplidas, por componente: " + Describe(items) + ".",
            "Componente", items, result.Bands);
    }

    public static BarChart Units(PlanCompliance result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var items = result.Units
            .Select(u => new BarItem(u.Name, u.Official.ActionPercent, result.Bands.Classify(u.Official.ActionPercent))).ToList();
        return new BarChart("grafico-unidades", "Acciones cumplidas por unidad responsable",
            $"{items.Count} unidades ordenadas de mayor a menor porcentaje de sus acciones programadas a la fecha que están cumplidas: "
                + Describe(items) + ".",
            "Unidad responsable", items, result.Bands);
    }

    public static LineChart PlannedVersusExecuted(PlanCompliance result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var planned = result.Curve.Select(p => p.Planned).ToList();
        var executed = result.Curve.Select(p => p.Executed).ToList();
        var last = result.MonthsCounted;
        var description = last == 0
            ? $"Avance programado mes a mes del año, como porcentaje de las metas: llega a {Charts.Svg.Percent(planned[^1])} en diciembre. "
                + "Todavía no termina ningún mes, así que no hay avance ejecutado que mostrar."
            : $"Avance programado y ejecutado al final de cada mes, como porcentaje de las metas del año. A {SpanishMonths.Name(last)}: programado "
                + $"{Charts.Svg.Percent(planned[last - 1])}, ejecutado {Charts.Svg.Percent(executed[last - 1])}. En diciembre el programado llega a "
                + $"{Charts.Svg.Percent(planned[^1])}.";
        return new LineChart("grafico-curva", "Avance programado frente a ejecutado, por mes", description, "Mes",
            Enumerable.Range(1, 12).Select(SpanishMonths.Abbreviation).ToList(),
            Enumerable.Range(1, 12).Select(SpanishMonths.Name).Select(Capitalise).ToList(),
            [
                new LineSeries("Programado", "series-planned", planned, Dashed: true, SquareMarkers: true),
                new LineSeries("Ejecutado", "series-executed", executed, Dashed: false, SquareMarkers: false),
            ]);
    }

    private static string Describe(IEnumerable<BarItem> items) =>
        string.Join("; ", items.Select(i => $"{i.Label}: {Charts.Svg.Percent(i.Percent)}"
            + (i.Level is { } level ? $" ({ComplianceLevels.Name(level)})" : "")));

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
