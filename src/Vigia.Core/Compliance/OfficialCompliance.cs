namespace Vigia.Core.Compliance;

/// <summary>What one action contributes to the official figure: whether it was programmed in the period and, if so,
/// whether it was completed. <paramref name="ActivityKey"/> groups the actions of one activity (its code, 1.1.1).</summary>
public readonly record struct ActionVerdict(string ActivityKey, bool Programmed, bool Completed);

/// <summary>The counts the official compliance comes from, for activities (the rows numbered 1.1.1 of the official
/// format) and, beside them, for their actions.</summary>
public sealed record OfficialCount(int Activities, int ProgrammedActivities, int CompletedActivities, int Actions, int ProgrammedActions,
    int CompletedActions)
{
    public static OfficialCount Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Completed activities ÷ programmed activities × 100, to one decimal (half away from zero), as the official
    /// follow-up prints it; null when nothing is programmed in the period ("sin programación" or "no aplica").</summary>
    public decimal? Percent => OfficialCompliance.Percent(CompletedActivities, ProgrammedActivities);

    /// <summary>Completed actions ÷ programmed actions, where activities do not apply (a unit's share of the plan).</summary>
    public decimal? ActionPercent => OfficialCompliance.Percent(CompletedActions, ProgrammedActions);

    public static OfficialCount operator +(OfficialCount left, OfficialCount right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Activities + right.Activities, left.ProgrammedActivities + right.ProgrammedActivities,
            left.CompletedActivities + right.CompletedActivities, left.Actions + right.Actions, left.ProgrammedActions + right.ProgrammedActions,
            left.CompletedActions + right.CompletedActions);
    }

    public static OfficialCount Add(OfficialCount left, OfficialCount right) => left + right;
}

/// <summary>The one official compliance figure (Secretaría de Transparencia, <i>Estrategias para la construcción del
/// PAAC</i> v2): activities completed ÷ activities programmed in the period. An activity is programmed when at least
/// one of its actions is, and completed when every one of its programmed actions is. The dashboard, the API, the
/// follow-ups and every file count with this and nothing else (docs/compliance.md §4, ADR 009).</summary>
public static class OfficialCompliance
{
    /// <summary>The sentence that explains the rule to a citizen, on the dashboard, the rules page and the reports.</summary>
    public const string Explanation = "El cumplimiento es la proporción de actividades cumplidas entre las actividades programadas hasta la fecha: "
        + "una actividad está cumplida cuando todas sus acciones programadas en el periodo alcanzaron lo programado.";

    /// <summary>What the numbers of an activity's page mean (its actions' targets and, for a group, each unit's part), in one
    /// sentence that points back to the official figure rather than restating it differently.</summary>
    public const string ActionFigures = "Las cifras de cada acción son su meta de la vigencia y, cuando la ejecuta un grupo de unidades, lo que cada una "
        + "ejecutó según los reportes aceptados; no son el cumplimiento oficial, que cuenta actividades cumplidas entre las programadas a la fecha.";

    public static OfficialCount Count(IEnumerable<ActionVerdict> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var total = OfficialCount.Zero;
        foreach (var activity in actions.GroupBy(a => a.ActivityKey, StringComparer.Ordinal))
        {
            total += Activity(activity.ToList());
        }
        return total;
    }

    /// <summary>The counts of one activity from its actions' verdicts.</summary>
    public static OfficialCount Activity(IReadOnlyCollection<ActionVerdict> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var programmed = actions.Where(a => a.Programmed).ToList();
        var completed = programmed.Count(a => a.Completed);
        return new OfficialCount(1, programmed.Count > 0 ? 1 : 0, programmed.Count > 0 && completed == programmed.Count ? 1 : 0,
            actions.Count, programmed.Count, completed);
    }

    /// <summary>The word for what the schedule and the accepted reports say of one action: «No programada», «Cumplida» or
    /// «No cumplida» (the follow-up's «según reportes» and the monthly-progress open data print it).</summary>
    public static string VerdictLabel(ActionVerdict verdict) => !verdict.Programmed ? "No programada" : verdict.Completed ? "Cumplida" : "No cumplida";

    public static decimal? Percent(int completed, int programmed) =>
        programmed == 0 ? null : Math.Round(completed * 100m / programmed, 1, MidpointRounding.AwayFromZero);
}
