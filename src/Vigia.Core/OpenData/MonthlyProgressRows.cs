using Vigia.Core.Compliance;
using Vigia.Core.Plans;

namespace Vigia.Core.OpenData;

/// <summary>The dataset «avance-mensual» (<see cref="OpenDatasets.MonthlyProgress"/>): one row per action and month of
/// the plan's year that has ended at the date asked (today, for the files). Nothing here computes a figure: every
/// cumulative, percentage and verdict is the calculator's (<see cref="ComplianceService.MonthsAsync"/>, the tree the
/// dashboard evaluates at each month's last day), so the file and the dashboard cannot disagree. Only accepted reports
/// count (<see cref="ComplianceCalculator.ExecutedThrough"/>); a report in review, returned or superseded never shows a
/// quantity.</summary>
public static class MonthlyProgressRows
{
    public static IReadOnlyList<string> Columns => OpenDatasets.MonthlyProgress.ColumnNames;

    public static async Task<List<Dictionary<string, object?>>> LoadAsync(AppDbContext db, ComplianceService compliance, int planId, DateOnly at,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(compliance);
        var header = await PlanHeader.LoadAsync(db, planId, ct);
        if (await compliance.MonthsAsync(planId, at, ct) is not { } plan)
        {
            return [];
        }
        // The same flag as every «Programación simulada» (Schedule.SimulatedSchedule).
        var simulatedSchedule = (await db.ScheduleEntries.AsNoTracking()
            .Where(s => s.Action!.Activity!.Component!.PlanId == planId && s.IsSimulated)
            .Select(s => s.ActionId).Distinct().ToListAsync(ct)).ToHashSet();
        var evaluated = plan.Evaluated.Select(Index).ToList();
        var rows = new List<Dictionary<string, object?>>();
        foreach (var component in plan.Tree.Children)
        {
            foreach (var activity in Activities(component))
            {
                foreach (var action in activity.Children)
                {
                    var input = action.Action!;
                    for (var m = 1; m <= evaluated.Count; m++)
                    {
                        var node = evaluated[m - 1];
                        var result = node[(NodeKind.Action, action.Id)].Action!;
                        var verdict = ComplianceCalculator.Verdict(activity.Code, result);
                        var official = node[(NodeKind.Activity, activity.Id)].Official;
                        var month = m;
                        rows.Add(new Dictionary<string, object?>
                        {
                            ["entidad"] = header.EntityName,
                            ["vigencia"] = plan.Year,
                            ["version"] = header.Version,
                            ["componente"] = $"{component.Code}. {component.Name}",
                            ["actividad_codigo"] = activity.Code,
                            ["actividad"] = activity.Name,
                            ["accion"] = int.Parse(action.Code[(action.Code.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture),
                            ["meta"] = action.Name,
                            ["meta_unidad"] = ActionRow.UnitName(input.Unit),
                            ["mes"] = month,
                            ["programado_mes"] = input.Schedule.TryGetValue(month, out var planned) && planned > 0 ? planned : 0m,
                            // The calculator's own reading of the month's reports alone (accepted only; parts rolled up).
                            ["reportado_aceptado_mes"] = ComplianceCalculator.ExecutedThrough(
                                input with { Reports = [.. input.Reports.Where(r => r.Month == month)] }, month),
                            ["programado_acumulado"] = result.PlannedToDate,
                            ["ejecutado_acumulado"] = result.ExecutedToDate,
                            ["avance_accion_porcentaje"] = result.ToDate.Percent is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null,
                            ["accion_programada"] = YesNo(verdict.Programmed),
                            ["accion_cumplida"] = verdict.Programmed ? YesNo(verdict.Completed) : null,
                            ["estado"] = OfficialCompliance.VerdictLabel(verdict),
                            ["actividad_programada"] = YesNo(official.ProgrammedActivities > 0),
                            ["actividad_cumplida"] = official.ProgrammedActivities > 0 ? YesNo(official.CompletedActivities > 0) : null,
                            ["mes_sin_reporte"] = YesNo(result.MissingMonths.Contains(month)),
                            ["programacion_simulada"] = YesNo(simulatedSchedule.Contains(action.Id)),
                            ["datos_simulados"] = YesNo(plan.HasSimulatedData),
                        });
                    }
                }
            }
        }
        return rows;
    }

    public static IReadOnlyList<string> ToCells(Dictionary<string, object?> row) => ScheduleRows.Cells(Columns, row);

    private static string YesNo(bool value) => value ? "si" : "no";

    private static IEnumerable<NodeInput> Activities(NodeInput node) =>
        node.Kind == NodeKind.Activity ? [node] : node.Children.SelectMany(Activities);

    private static Dictionary<(NodeKind, int), ComplianceNode> Index(ComplianceNode root)
    {
        var index = new Dictionary<(NodeKind, int), ComplianceNode>();
        void Add(ComplianceNode node)
        {
            index[(node.Kind, node.Id)] = node;
            foreach (var child in node.Children)
            {
                Add(child);
            }
        }
        Add(root);
        return index;
    }
}
