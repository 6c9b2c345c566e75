using System.Globalization;
using System.Text.RegularExpressions;
using Vigia.Core.Domain;

namespace Vigia.Core.Importing;

/// <summary>The row pipeline shared by the text and spreadsheet readers: finds the table header,
/// reads the metadata above it, then classifies every row below it (repeated header, page mark,
/// component or subcomponent heading, activity row, continuation row) and builds the plan. Every
/// row is either consumed into the plan or noted.</summary>
internal sealed partial class PlanRowPipeline
{
    private readonly ImportNoteLog log;
    private readonly PlanAssembler plan = new();
    private TableLayout layout = null!;
    private int preferredShift;
    private int? currentComponent;
    private PlanAssembler.ActivityBuilder? currentActivity;
    private (PlanAssembler.ActivityBuilder Activity, int NextRow)? repeated;
    private string? lastCode;
    private int baselineShift;
    private int currentLine = 1;

    private PlanRowPipeline(ImportNoteLog log) => this.log = log;

    private string OtherLine => log.LineWordLower;

    /// <summary>Reads <paramref name="rows"/> into a plan. Never throws: a document it cannot read
    /// gives a result without plan and with an Error note.</summary>
    public static ImportResult Run(IReadOnlyList<SourceRow> rows, ImportNoteLog log)
    {
        var pipeline = new PlanRowPipeline(log);
        try
        {
            var plan = pipeline.Read(rows);
            return new ImportResult(log.HasErrors ? null : plan, log.ToList());
        }
        catch (Exception ex) when (ex is not IOException)
        {
            log.Error(pipeline.currentLine, $"error inesperado al leer esta fila ({ex.Message})");
            return new ImportResult(null, log.ToList());
        }
    }

    private ParsedPlan? Read(IReadOnlyList<SourceRow> rows)
    {
        var headerIndex = -1;
        for (var i = 0; i < rows.Count && headerIndex < 0; i++)
        {
            if (TableLayout.IsPrimaryHeader(rows[i]))
            {
                headerIndex = i;
            }
        }

        if (rows.All(r => r.IsBlank))
        {
            log.Error(rows.Count > 0 ? rows[^1].Line : 1, "el documento está vacío");
            return null;
        }

        if (headerIndex < 0)
        {
            log.Error(rows.Last(r => !r.IsBlank).Line,
                "no se encontró el encabezado de la tabla del plan (N°, ACTIVIDADES, DESCRIPCIÓN, METAS, …) en todo el documento");
            return null;
        }

        var header = PlanHeaderReader.Read(rows.Take(headerIndex).ToList(), log);
        var firstLine = rows.First(r => !r.IsBlank).Line;
        WarnIfMissing(header.EntityName, firstLine, "el nombre de la entidad (primera línea del documento)");
        WarnIfMissing(header.Year?.ToString(CultureInfo.InvariantCulture), firstLine, "la VIGENCIA (año) del plan");
        WarnIfMissing(header.Title, firstLine, "el título del plan (PRODUCTO)");

        var items = Classify(rows, headerIndex).ToList();
        baselineShift = DominantShift(items);
        foreach (var item in items)
        {
            currentLine = item.Row.Line;
            switch (item.Kind)
            {
                case RowKind.Header:
                    if (!HandleHeader(item.Row, item.Secondary))
                    {
                        return null;
                    }

                    break;
                case RowKind.SecondaryHeader:
                    log.Skipped(item.Row.Line, "segunda línea del encabezado de la tabla repetida, omitida");
                    break;
                case RowKind.Heading:
                    HandleHeading(item.Row.Line, item.Heading!);
                    break;
                case RowKind.LooseText:
                    HandleLooseText(item.Row);
                    break;
                default:
                    HandleDataRow(RowAligner.Align(item.Row, layout, preferredShift));
                    break;
            }
        }

        currentLine = rows[^1].Line;
        if (!plan.HasComponents)
        {
            log.Error(rows.Last(r => !r.IsBlank).Line, "la tabla no tiene ningún componente («Primer Componente: …»)");
            return null;
        }

        var components = plan.Build(log);
        return new ParsedPlan(
            header.EntityName,
            header.Year,
            header.Title,
            header.DocumentCode,
            header.Objective,
            header.Scope,
            header.ResponsiblePerson,
            header.CoordinatingUnit,
            header.ParticipatingUnits,
            components);
    }

    private enum RowKind
    {
        Header,
        SecondaryHeader,
        Heading,
        LooseText,
        Data,
    }

    private sealed record TableItem(RowKind Kind, SourceRow Row, TableLayout Layout, SourceRow? Secondary = null, StructureRow? Heading = null);

    /// <summary>Sorts the table's rows by kind, with the column layout in force at each (a repeated
    /// header may change it).</summary>
    private static IEnumerable<TableItem> Classify(IReadOnlyList<SourceRow> rows, int headerIndex)
    {
        TableLayout? current = null;
        for (var i = headerIndex; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank)
            {
                continue;
            }

            if (TableLayout.IsPrimaryHeader(row))
            {
                var next = i + 1;
                while (next < rows.Count && rows[next].IsBlank)
                {
                    next++;
                }

                SourceRow? secondary = null;
                if (next < rows.Count && TableLayout.IsSecondaryHeader(rows[next]))
                {
                    secondary = rows[next];
                    i = next;
                }

                current = TableLayout.Build(row, secondary, out _) ?? current;
                yield return new TableItem(RowKind.Header, row, current!, secondary);
                if (current is null)
                {
                    yield break;
                }
            }
            else if (TableLayout.IsSecondaryHeader(row))
            {
                yield return new TableItem(RowKind.SecondaryHeader, row, current!);
            }
            else if (StructureRow.TryParse(row, current!) is { } heading)
            {
                yield return new TableItem(RowKind.Heading, row, current!, Heading: heading);
            }
            else
            {
                yield return new TableItem(IsLooseText(row, current!) ? RowKind.LooseText : RowKind.Data, row, current!);
            }
        }
    }

    /// <summary>The shift of the right block most data rows share. PDF extraction often moves the
    /// whole table the same way; that is said once, and only rows that differ from it are noted.</summary>
    private int DominantShift(IReadOnlyList<TableItem> items)
    {
        var shifts = items.Where(i => i.Kind == RowKind.Data)
            .Select(i => RowAligner.Align(i.Row, i.Layout, 0))
            .Where(r => r.HasRightBlock && !r.Unaligned)
            .ToList();
        if (shifts.Count == 0)
        {
            return 0;
        }

        var dominant = shifts.GroupBy(r => r.Shift).OrderByDescending(g => g.Count()).ThenBy(g => Math.Abs(g.Key)).First();
        if (dominant.Key != 0 && dominant.Count() * 2 > shifts.Count)
        {
            var cells = Math.Abs(dominant.Key) == 1 ? "1 celda" : $"{Math.Abs(dominant.Key)} celdas";
            var side = dominant.Key > 0 ? "derecha" : "izquierda";
            log.Add(dominant.First().Line, ImportNoteKind.Realigned,
                $"en {dominant.Count()} de {shifts.Count} filas las columnas PRODUCTOS a RESPONSABLES están {cells} a la {side} de su título en el encabezado; se leen desde esa posición");
            return dominant.Key;
        }

        return 0;
    }

    private void WarnIfMissing(string? value, int line, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            log.Warning(line, $"no se encontró {what}");
        }
    }

    /// <returns>False when the first header cannot be read (the import stops).</returns>
    private bool HandleHeader(SourceRow primary, SourceRow? secondary)
    {
        var newLayout = TableLayout.Build(primary, secondary, out var missing);
        var first = layout is null;
        if (first)
        {
            if (newLayout is null)
            {
                log.Error(primary.Line, $"el encabezado de la tabla no tiene la columna {string.Join(", ", missing.Select(m => $"«{m}»"))}");
                return false;
            }
        }
        else
        {
            log.Skipped(primary.Line, "encabezado de la tabla repetido (cambio de página) omitido");
            if (secondary is not null)
            {
                log.Skipped(secondary.Line, "segunda línea del encabezado de la tabla repetida, omitida");
            }

            if (newLayout is null)
            {
                log.Warning(primary.Line, "el encabezado repetido está incompleto; se conserva la disposición de columnas anterior");
            }
        }

        if (newLayout is not null)
        {
            layout = newLayout;
        }

        preferredShift = baselineShift;
        return true;
    }

    private void HandleHeading(int line, StructureRow heading)
    {
        repeated = null;
        currentActivity = null;
        if (heading.ExtraText is not null)
        {
            log.Warning(line, $"texto adicional en la fila del encabezado no importado: «{PlanHeaderReader.Shorten(heading.ExtraText)}»");
        }

        if (string.IsNullOrWhiteSpace(heading.Name))
        {
            log.Warning(line, "el encabezado no tiene nombre después de «Componente»/«Subcomponente»");
        }

        if (heading.IsComponent)
        {
            HandleComponent(line, heading);
        }
        else
        {
            HandleSubcomponent(line, heading);
        }
    }

    private void HandleComponent(int line, StructureRow heading)
    {
        int number;
        if (PlanCode.TryParse(heading.Code, out _, out var segments))
        {
            number = segments[0];
            if (heading.OrdinalNumber is { } ordinal && ordinal != number)
            {
                log.Warning(line, $"el número {heading.Code} del componente no coincide con su ordinal «{heading.Ordinal}» ({ordinal}); se usa {number}");
            }
        }
        else if (heading.OrdinalNumber is { } ordinal and > 0)
        {
            number = ordinal;
            log.Inferred(line, $"el componente no tiene número; se toma {number} de su ordinal «{heading.Ordinal}»");
        }
        else
        {
            log.Error(line, "el componente no tiene número ni ordinal («Primer», «Segundo»…)");
            return;
        }

        currentComponent = number;
        var code = number.ToString(CultureInfo.InvariantCulture);
        switch (plan.DeclareComponent(number, heading.Name, line, out var originalLine, out var originalName))
        {
            case PlanAssembler.Outcome.Repeated:
                log.Add(line, ImportNoteKind.DuplicateSkipped, $"el componente {number} ya se importó en la {OtherLine} {originalLine}; encabezado repetido omitido");
                break;
            case PlanAssembler.Outcome.Conflict:
                log.Error(line, $"el componente {number} aparece otra vez con otro nombre («{heading.Name}»; en la {OtherLine} {originalLine}: «{originalName}»)");
                break;
            default:
                CheckOrder(code, line);
                break;
        }
    }

    private void HandleSubcomponent(int line, StructureRow heading)
    {
        string code;
        int[] segments;
        if (PlanCode.TryParse(heading.Code, out code, out segments) && segments.Length >= 2)
        {
            if (heading.OrdinalNumber is { } ordinal && ordinal != segments[^1])
            {
                log.Warning(line, $"el número {code} del subcomponente no coincide con «Subcomponente {ordinal}»; se usa {code}");
            }
            else if (heading.OrdinalNumber is null)
            {
                log.Inferred(line, $"el subcomponente «{PlanHeaderReader.Shorten(heading.Name)}» no dice su número ordinal; se toma {code} de la columna N°");
            }
        }
        else if (heading.OrdinalNumber is { } ordinal && currentComponent is { } component)
        {
            code = $"{component}.{ordinal}";
            segments = [component, ordinal];
            log.Inferred(line, $"el subcomponente no tiene número; se toma {code} del componente anterior y de «Subcomponente {ordinal}»");
        }
        else
        {
            log.Error(line, "el subcomponente no tiene número (p. ej. 1.2) del que se pueda deducir su componente");
            return;
        }

        currentComponent = segments[0];
        switch (plan.DeclareSubcomponent(code, segments[..2], heading.Name, line, out var originalLine, out var originalName))
        {
            case PlanAssembler.Outcome.Repeated:
                log.Add(line, ImportNoteKind.DuplicateSkipped, $"el subcomponente {code} ya se importó en la {OtherLine} {originalLine}; encabezado repetido omitido");
                break;
            case PlanAssembler.Outcome.Conflict:
                log.Error(line, $"el subcomponente {code} aparece otra vez con otro nombre («{heading.Name}»; en la {OtherLine} {originalLine}: «{originalName}»)");
                break;
            default:
                CheckOrder(code, line);
                break;
        }
    }

    /// <summary>A row whose only text is in the first column and is not a number of the plan:
    /// page numbers, initials, signature marks between pages.</summary>
    private static bool IsLooseText(SourceRow row, TableLayout layout)
    {
        var filled = row.FilledColumns.ToList();
        if (filled.Count != 1 || filled[0] > Math.Max(layout.Code, 0))
        {
            return false;
        }

        var isActivityNumber = PlanCode.TryParse(row.Cell(filled[0]), out _, out var segments) && segments.Length >= 2;
        return !isActivityNumber;
    }

    private void HandleLooseText(SourceRow row)
    {
        var text = SpanishText.CollapseWhitespace(row.Text);
        var key = SpanishText.Fold(text);
        if (PageOfPages().IsMatch(text))
        {
            log.Skipped(row.Line, $"marca de página «{text}» omitida");
        }
        else if (PageNumber().IsMatch(text))
        {
            log.Skipped(row.Line, $"número de página «{text}» omitido");
        }
        else if (key.Contains("FIRMA", StringComparison.Ordinal) || key.Contains("SIGNATURE", StringComparison.Ordinal)
                 || key.Contains("INITIALS", StringComparison.Ordinal) || key.Contains("RUBRICA", StringComparison.Ordinal))
        {
            log.Skipped(row.Line, $"anotación de firma o iniciales «{text}» omitida");
        }
        else if (text.Length <= 12)
        {
            log.Skipped(row.Line, $"iniciales o marca «{text}» omitidas");
        }
        else
        {
            log.Warning(row.Line, $"texto fuera de la tabla omitido: «{PlanHeaderReader.Shorten(text)}»");
        }
    }

    private void HandleDataRow(AlignedRow row)
    {
        if (row.HasRightBlock)
        {
            preferredShift = row.Shift;
        }

        if (row.Code.Length > 0)
        {
            HandleActivityRow(row);
        }
        else
        {
            HandleContinuationRow(row);
        }
    }

    private void HandleActivityRow(AlignedRow row)
    {
        if (!PlanCode.TryParse(row.Code, out var code, out var segments) || segments.Length < 2)
        {
            log.Error(row.Line, $"«{PlanHeaderReader.Shorten(row.Code)}» no es un número de actividad (p. ej. 1.2.3)");
            currentActivity = null;
            repeated = null;
            return;
        }

        var existing = plan.FindActivity(code);
        if (existing is not null && row.Activity.Length == 0 && existing == currentActivity && repeated is null)
        {
            // The number written again on a further row of the same activity.
            HandleContinuationRow(row with { Code = "" });
            return;
        }

        if (existing is not null)
        {
            repeated = (existing, 0);
            CompareRepeated(row);
            return;
        }

        repeated = null;
        CheckOrder(code, row.Line);
        var activity = plan.AddActivity(code, segments, row.Activity, row.Line);
        currentActivity = activity;
        currentComponent = segments[0];
        if (row.Activity.Length == 0)
        {
            log.Warning(row.Line, $"la actividad {code} no tiene nombre");
        }

        NoteLayout(row);
        activity.Rows.Add((row.Line, row.Signature));
        AddAction(activity, row, firstRow: true);
    }

    private void HandleContinuationRow(AlignedRow row)
    {
        if (row.Activity.Length > 0)
        {
            log.Error(row.Line, $"la fila tiene actividad («{PlanHeaderReader.Shorten(row.Activity)}») pero no número (N°)");
            currentActivity = null;
            repeated = null;
            return;
        }

        if (repeated is not null)
        {
            CompareRepeated(row);
            return;
        }

        if (currentActivity is null)
        {
            log.Error(row.Line, "fila de acción sin una actividad numerada antes (falta el componente o la actividad a la que pertenece)");
            return;
        }

        NoteLayout(row);
        currentActivity.Rows.Add((row.Line, row.Signature));
        AddAction(currentActivity, row, firstRow: false);
    }

    /// <summary>A row of an activity already imported (a page printed twice): skipped when it says
    /// the same as the original row at the same place, an error otherwise.</summary>
    private void CompareRepeated(AlignedRow row)
    {
        var (activity, index) = repeated!.Value;
        repeated = (activity, index + 1);
        if (index >= activity.Rows.Count)
        {
            log.Error(row.Line, $"la actividad {activity.Code} aparece repetida con una fila más que la original ({OtherLine} {activity.Line})");
            return;
        }

        var (originalLine, signature) = activity.Rows[index];
        if (signature != row.Signature)
        {
            log.Error(row.Line, $"la actividad {activity.Code} aparece repetida con contenido distinto al de la {OtherLine} {originalLine}");
        }
        else if (index == 0)
        {
            log.Add(row.Line, ImportNoteKind.DuplicateSkipped, $"la actividad {activity.Code} ya se importó en la {OtherLine} {originalLine}; fila repetida omitida");
        }
        else
        {
            log.Add(row.Line, ImportNoteKind.DuplicateSkipped, $"fila repetida de la actividad {activity.Code} (igual a la {OtherLine} {originalLine}) omitida");
        }
    }

    private void NoteLayout(AlignedRow row)
    {
        if (row.Unaligned)
        {
            log.Warning(row.Line, "la fila no encaja en las columnas del encabezado; se lee tal como está");
        }
        else if (row.Shift != baselineShift)
        {
            var offset = row.Shift - baselineShift;
            var cells = Math.Abs(offset) == 1 ? "1 celda" : $"{Math.Abs(offset)} celdas";
            var side = offset > 0 ? "derecha" : "izquierda";
            var reference = baselineShift == 0 ? "del encabezado" : "de las demás filas";
            log.Add(row.Line, ImportNoteKind.Realigned, $"fila desplazada {cells} a la {side} respecto {reference}; realineada");
        }

        foreach (var stray in row.Stray)
        {
            log.Warning(row.Line, $"celda «{PlanHeaderReader.Shorten(stray)}» fuera de las columnas del encabezado; no importada");
        }

        foreach (var other in row.Others.Where(o => o.Value.Length > 0))
        {
            log.Warning(row.Line, $"columna «{other.Key}» no importada: «{PlanHeaderReader.Shorten(other.Value)}»");
        }
    }

    private void CheckOrder(string code, int line)
    {
        if (lastCode is not null && PlanCode.Compare(code, lastCode) < 0)
        {
            log.Warning(line, $"la numeración retrocede ({code} después de {lastCode}); la fila se ubica según su número");
        }

        lastCode = code;
    }

    private void AddAction(PlanAssembler.ActivityBuilder activity, AlignedRow row, bool firstRow)
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
            log.Inferred(row.Line, $"el resultado ({FormatTarget(target.Value, unit)}) se toma de la acción de la {OtherLine} {previous.Line} (celda combinada)");
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
        log.Inferred(line, $"{what} {verb} de la acción de la {OtherLine} {previous.Line} (celda combinada)");
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
            log.Inferred(row.Line, $"fila sin meta: su descripción se añade a la acción de la {OtherLine} {last.Line}");
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
        value.ToString("#,0.##", CultureInfo.GetCultureInfo("es-CO")) + (unit == TargetUnit.Percentage ? " %" : "");

    [GeneratedRegex(@"^\d{1,4}\s*/\s*\d{1,4}$")]
    private static partial Regex PageOfPages();

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex PageNumber();
}
