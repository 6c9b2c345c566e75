using System.Globalization;
using System.Text;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans.Importing;

/// <summary>The Cali 2022 seed document and helpers to make variants of it.</summary>
internal static class Seed
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt");

    public static string Text { get; } = File.ReadAllText(Path, Encoding.UTF8);

    /// <summary>The seed's lines; index 0 is line 1.</summary>
    public static IReadOnlyList<string> Lines { get; } = Text.Split('\n');

    public static string Line(int number) => Lines[number - 1];

    public static string Join(IEnumerable<string> lines, string newLine = "\n") => string.Join(newLine, lines);

    /// <summary>The seed with line <paramref name="number"/> replaced.</summary>
    public static string WithLine(int number, string text) =>
        Join(Lines.Select((l, i) => i == number - 1 ? text : l));

    /// <summary>The seed with lines <paramref name="from"/>…<paramref name="to"/> (inclusive) removed.</summary>
    public static string Without(int from, int to) =>
        Join(Lines.Where((_, i) => i + 1 < from || i + 1 > to));

    public static ImportResult Read(string text)
    {
        using var reader = new StringReader(text);
        return PlanDocumentReader.ReadText(reader);
    }

    public static IEnumerable<ParsedActivity> Activities(this ParsedPlan plan) =>
        plan.Components.SelectMany(c => c.Subcomponents.SelectMany(s => s.Activities).Concat(c.Activities));

    public static IEnumerable<ParsedAction> Actions(this ParsedPlan plan) => plan.Activities().SelectMany(a => a.Actions);

    public static ParsedActivity Activity(this ParsedPlan plan, string code) => plan.Activities().Single(a => a.Code == code);

    /// <summary>The plan's content without line numbers, to compare two readings of the same plan.</summary>
    public static string Shape(this ParsedPlan plan)
    {
        var builder = new StringBuilder();
        foreach (var component in plan.Components)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"C{component.Number} {component.Name}");
            foreach (var sub in component.Subcomponents)
            {
                builder.AppendLine(CultureInfo.InvariantCulture, $" S{sub.Code} {sub.Name}");
                AppendActivities(builder, sub.Activities);
            }

            AppendActivities(builder, component.Activities);
        }

        return builder.ToString();
    }

    private static void AppendActivities(StringBuilder builder, IEnumerable<ParsedActivity> activities)
    {
        foreach (var activity in activities)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"  A{activity.Code} {activity.Name}");
            foreach (var action in activity.Actions)
            {
                var units = string.Join(" ; ", action.ResponsibleUnits.Select(u => string.Join(" > ", u.Path)));
                builder.AppendLine(CultureInfo.InvariantCulture, $"   - {action.Description} | {action.Goal} | {action.Deliverable} | {action.IndicatorFormula} | {action.TargetQuantity} {action.TargetUnit} | {units}");
            }
        }
    }
}
