namespace Vigia.Web.Pages.Plans;

/// <summary>Accent- and case-insensitive search over a plan's actions: every word must appear somewhere in
/// the action, its activity or its responsible units.</summary>
public static class PlanSearch
{
    public static List<ActionView> Filter(IEnumerable<ActionView> actions, string query)
    {
        var words = SpanishText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return actions.Where(a =>
        {
            var text = SpanishText.Fold(string.Join(' ', a.ActivityCode, a.ActivityName, a.Description, a.Goal, a.Deliverable,
                a.IndicatorFormula, string.Join(' ', a.ResponsibleUnits)));
            return words.All(w => text.Contains(w, StringComparison.Ordinal));
        }).ToList();
    }
}
