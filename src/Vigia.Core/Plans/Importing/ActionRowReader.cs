namespace Vigia.Core.Plans.Importing;

/// <summary>Turns an aligned data row into an action: target, schedule, and the values a
/// continuation row shares with the action above it when the spreadsheet merged their cells.</summary>
internal sealed class ActionRowReader(ImportNoteLog log)
{
    /// <summary>Adds the action a row describes to <paramref name="activity"/>, or, for a row without
    /// goal, completes the action above.</summary>
    public void AddAction(PlanAssembler.ActivityBuilder activity, AlignedRow row, bool firstRow)
    {
        if (row.Goal.Length == 0)
        {
            AppendWithoutGoal(activity, row, firstRow);
            return;
        }

        var previous = firstRow ? null : activity.Actions.LastOrDefault();
        var description = Inherit(row.Description, previous?.Description, previous, row.Line, "la descripción");
        var deliverable = Inherit(row.Deliverable, previous?.Deliverable, previous, row.Line, "el producto");
        var formula = Inherit(row.Formula, previous?.IndicatorFormula, previous, row.Line, "la fórmula del indicador");
        var responsible = Inherit(row.Responsible, previous?.ResponsibleText, previous, row.Line, "los responsables");

        decimal? target = null;
        var unit = TargetUnit.Count;
        if (row.Result.Length > 0)
        {
            if (SpanishNumber.TryParse(row.Result, out var value, out unit))
            {
                target = value;
            }
            else
            {
                log.Error(row.Line, $"el resultado «{PlanHeaderReader.Shorten(row.Result)}» no es un número (p. ej. 5.000 o 100%)");
            }
        }
        else if (previous?.TargetQuantity is not null)
        {
            target = previous.TargetQuantity;
            unit = previous.TargetUnit;
            log.Inferred(row.Line, $"el resultado ({FormatTarget(target.Value, unit)}) se toma de la acción de la {log.At(previous.Line)} (celda combinada)");
        }
        else
        {
            log.Warning(row.Line, "la acción no tiene resultado (cantidad a alcanzar)");
        }

        if (responsible is null)
        {
            log.Warning(row.Line, "la acción no tiene responsables");
        }

        var schedule = ReadSchedule(row);
        if (schedule.Count == 0)
        {
            log.Add(row.Line, ImportNoteKind.Unscheduled, $"la acción de la actividad {activity.Code} no tiene meses programados (cronograma vacío)");
        }
        else if (row.Shift < 0)
        {
            log.Warning(row.Line, "la fila estaba desplazada a la izquierda: revise que los meses programados sean los correctos");
        }

        activity.Actions.Add(new PlanAssembler.ActionBuilder
        {
            Line = row.Line,
            Description = description ?? "",
            Goal = SpanishText.CollapseWhitespace(row.Goal),
            Deliverable = deliverable,
            IndicatorFormula = formula,
            TargetQuantity = target,
            TargetUnit = unit,
            ResponsibleText = responsible,
            Schedule = schedule,
        });
    }

    /// <summary>The cell's text, or (for a continuation row whose cell is empty because the
    /// spreadsheet merged it with the row above) the previous action's value, noted.</summary>
    private string? Inherit(string cell, string? previousValue, PlanAssembler.ActionBuilder? previous, int line, string what)
    {
        if (cell.Length > 0)
        {
            return what == "los responsables" ? cell.Trim() : SpanishText.CollapseWhitespace(cell);
        }

        if (previous is null || string.IsNullOrEmpty(previousValue))
        {
            return null;
        }

        var verb = what.StartsWith("los ", StringComparison.Ordinal) ? "se toman" : "se toma";
        log.Inferred(line, $"{what} {verb} de la acción de la {log.At(previous.Line)} (celda combinada)");
        return previousValue;
    }

    private Dictionary<int, decimal> ReadSchedule(AlignedRow row)
    {
        var schedule = new Dictionary<int, decimal>();
        for (var month = 1; month <= row.Months.Count; month++)
        {
            var cell = row.Months[month - 1];
            if (cell.Length == 0)
            {
                continue;
            }

            if (RowAligner.IsMark(cell))
            {
                log.Warning(row.Line, $"el mes {month} está marcado con «{cell}» sin cantidad; no se programa");
            }
            else if (SpanishNumber.TryParse(cell, out var quantity) && quantity >= 0)
            {
                if (quantity > 0)
                {
                    schedule[month] = quantity;
                }
            }
            else
            {
                log.Warning(row.Line, $"el valor «{PlanHeaderReader.Shorten(cell)}» del mes {month} no es una cantidad; no se programa");
            }
        }

        return schedule;
    }

    /// <summary>A row without a goal is not an action: its description completes the action above.</summary>
    private void AppendWithoutGoal(PlanAssembler.ActivityBuilder activity, AlignedRow row, bool firstRow)
    {
        var description = SpanishText.CollapseWhitespace(row.Description);
        var ignored = new[] { row.Deliverable, row.Formula, row.Result, row.Responsible }.Concat(row.Months)
            .Where(v => v.Length > 0).Select(v => $"«{PlanHeaderReader.Shorten(v)}»").ToList();
        var last = activity.Actions.LastOrDefault();
        if (description.Length > 0 && last is not null && !firstRow)
        {
            last.Description = $"{last.Description} {description}".Trim();
            log.Inferred(row.Line, $"fila sin meta: su descripción se añade a la acción de la {log.At(last.Line)}");
        }
        else if (description.Length > 0)
        {
            log.Warning(row.Line, firstRow
                ? $"la actividad {activity.Code} no tiene meta en su fila; la descripción «{PlanHeaderReader.Shorten(description)}» no se importó"
                : $"fila sin meta ni acción anterior; la descripción «{PlanHeaderReader.Shorten(description)}» no se importó");
        }
        else if (firstRow)
        {
            log.Warning(row.Line, $"la actividad {activity.Code} no tiene meta en su fila; no se crea acción");
        }

        if (ignored.Count > 0)
        {
            log.Warning(row.Line, $"fila sin meta: valores no importados {string.Join(", ", ignored)}");
        }
    }

    private static string FormatTarget(decimal value, TargetUnit unit) =>
        SpanishFormat.Number(value) + (unit == TargetUnit.Percentage ? " %" : "");
}
