using Vigia.Core.Plans;

namespace Vigia.Core.OpenData;

/// <summary>The dataset «programacion» (<see cref="OpenDatasets.Schedule"/>): one row per action and month with a planned
/// quantity above zero, read from the same rows as «acciones» (<see cref="ActionRow.LoadAsync"/>), so the two files always
/// agree, with each month's own «programación simulada» flag.</summary>
public static class ScheduleRows
{
    public static IReadOnlyList<string> Columns => OpenDatasets.Schedule.ColumnNames;

    public static async Task<List<Dictionary<string, object?>>> LoadAsync(AppDbContext db, int planId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var header = await PlanHeader.LoadAsync(db, planId, ct);
        var actions = await ActionRow.LoadAsync(db, planId, ct);
        // The month's own flag (Schedule.ScheduleEntry.IsSimulated): Planeación may have replaced some simulated months.
        var simulated = (await db.ScheduleEntries.AsNoTracking()
                .Where(s => s.Action!.Activity!.Component!.PlanId == planId && s.IsSimulated)
                .Select(s => new { s.Action!.Activity!.Code, s.Action.Order, s.Month })
                .ToListAsync(ct))
            .Select(s => (s.Code, s.Order, s.Month))
            .ToHashSet();
        var rows = new List<Dictionary<string, object?>>();
        foreach (var a in actions)
        {
            foreach (var month in a.Schedule.Where(s => s.Quantity > 0))
            {
                rows.Add(new Dictionary<string, object?>
                {
                    ["entidad"] = header.EntityName,
                    ["vigencia"] = header.Year,
                    ["version"] = header.Version,
                    ["componente"] = a.Component,
                    ["actividad_codigo"] = a.ActivityCode,
                    ["actividad"] = a.Activity,
                    ["accion"] = a.ActionNumber,
                    ["meta"] = a.Goal,
                    ["responsables"] = string.Join(" | ", a.ResponsibleUnits),
                    ["mes"] = month.Month,
                    ["cantidad_programada"] = month.Quantity,
                    ["meta_unidad"] = ActionRow.UnitName(a.TargetUnit),
                    ["programacion_simulada"] = simulated.Contains((a.ActivityCode, a.ActionNumber, month.Month)) ? "si" : "no",
                });
            }
        }
        return rows;
    }

    public static IReadOnlyList<string> ToCells(Dictionary<string, object?> row) => Cells(Columns, row);

    /// <summary>A row's cells in the order of <paramref name="columns"/>: numbers invariant (up to four decimals), null empty.</summary>
    internal static IReadOnlyList<string> Cells(IReadOnlyList<string> columns, Dictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return columns.Select(c => row[c] switch
        {
            null => "",
            decimal d => ActionRow.FormatNumber(d),
            int i => i.ToString(CultureInfo.InvariantCulture),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        }).ToList();
    }
}
