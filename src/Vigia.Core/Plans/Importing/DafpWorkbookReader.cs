using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Vigia.Core.Plans.Importing;

/// <summary>Reads a workbook in the layout of the DAFP's template («Estrategias para la construcción del Plan
/// Anticorrupción y de Atención al Ciudadano», versión 2): one sheet per component, its heading above the table
/// («Componente 1: Gestión del Riesgo de Corrupción»), and the columns Subcomponente, N°, Actividades, Meta o
/// producto, Responsable and Fecha programada, found by their folded labels in the header row, wherever they are.
/// The sheets are turned into the rows of the seed's layout (header lines, one table header, component and
/// subcomponent headings, activity rows) and handed to the same <see cref="PlanRowPipeline"/> as the text and the
/// seed's spreadsheet, so the plan and the import report are built in one place. What only this layout has (which
/// sheet, the scheduled date, the template's lack of quantities) is noted here, in the same log.</summary>
internal static partial class DafpWorkbookReader
{
    /// <summary>Line numbers are the sheet's position times this plus the sheet's row, so notes sort by sheet, then row.</summary>
    private const int SheetStride = 100_000;

    // The seed layout's columns the translated rows use.
    private const int CodeColumn = 0;
    private const int ActivityColumn = 1;
    private const int DescriptionColumn = 2;
    private const int GoalColumn = 3;
    private const int FirstMonthColumn = 4;
    private const int DeliverableColumn = 16;
    private const int ResultColumn = 18;
    private const int ResponsibleColumn = 19;

    private static readonly string[] TableHeader =
        ["N°", "ACTIVIDADES", "DESCRIPCIÓN", "METAS", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "PRODUCTOS", "FÓRMULA", "RESULTADO", "RESPONSABLES"];

    /// <summary>Where each column of the template is in one sheet (1-based; 0 when absent).</summary>
    private sealed record Columns(int HeaderRow, int Subcomponent, int Code, int Activity, int Goal, int Responsible, int Date);

    /// <summary>True when some sheet of the workbook has the template's header row.</summary>
    public static bool IsDafpLayout(IXLWorkbook workbook) => workbook.Worksheets.Any(ws => FindHeader(ws) is not null);

    /// <summary>Reads the workbook into a plan through the shared pipeline. Never throws for bad content.</summary>
    public static ImportResult Read(IXLWorkbook workbook)
    {
        var sheets = workbook.Worksheets.ToList();
        var log = new ImportNoteLog("Fila", line =>
        {
            var index = line / SheetStride;
            var row = (line % SheetStride).ToString(CultureInfo.InvariantCulture);
            var name = index >= 1 && index <= sheets.Count ? sheets[index - 1].Name : "?";
            return ($"Hoja «{name}», fila {row}", $"fila {row} de la hoja «{name}»");
        });
        try
        {
            var rows = Translate(sheets, log);
            if (log.HasErrors || rows is null)
            {
                return new ImportResult(null, log.ToList());
            }

            return PlanRowPipeline.Run(rows, log);
        }
        catch (Exception ex) when (ex is not IOException)
        {
            log.Error(SheetStride + 1, $"error inesperado al leer el libro ({ex.Message})");
            return new ImportResult(null, log.ToList());
        }
    }

    private static List<SourceRow>? Translate(List<IXLWorksheet> sheets, ImportNoteLog log)
    {
        var components = new List<(int Index, IXLWorksheet Sheet, Columns Columns)>();
        for (var i = 0; i < sheets.Count; i++)
        {
            if (FindHeader(sheets[i]) is { } columns)
            {
                components.Add((i + 1, sheets[i], columns));
            }
            else if (sheets[i].LastRowUsed() is not null)
            {
                log.Skipped(Line(i + 1, 1), "la hoja no tiene la tabla de la plantilla (Subcomponente, N°, Actividades, Meta o producto, Responsable, Fecha programada); no se importó");
            }
        }

        if (components.Count == 0)
        {
            log.Error(Line(1, 1), "ninguna hoja tiene la tabla de la plantilla del DAFP (Subcomponente, N°, Actividades, Meta o producto, Responsable, Fecha programada)");
            return null;
        }

        // The heading: entity, year and title from the lines above each sheet's table; the first sheet that says wins.
        string? entity = null;
        int? year = null;
        string? title = null;
        var headingLine = Line(components[0].Index, 1);
        var headings = new Dictionary<int, (int Number, string Name, int Line)?>();
        foreach (var (index, sheet, columns) in components)
        {
            (int, string, int)? component = null;
            for (var r = 1; r < columns.HeaderRow; r++)
            {
                var text = SpanishText.CollapseWhitespace(string.Join(' ', sheet.Row(r).CellsUsed().Select(c => CellText(c))));
                if (text.Length == 0)
                {
                    continue;
                }

                var line = Line(index, r);
                if (ComponentHeading().Match(text) is { Success: true } heading && component is null)
                {
                    component = (int.Parse(heading.Groups["num"].Value, CultureInfo.InvariantCulture), CleanName(heading.Groups["name"].Value), line);
                    continue;
                }

                if (TitleHeading().Match(text) is { Success: true } titled)
                {
                    var foundYear = int.Parse(titled.Groups["year"].Value, CultureInfo.InvariantCulture);
                    if (year is null)
                    {
                        year = foundYear;
                        title ??= titled.Groups["title"].Value.Trim();
                        headingLine = line;
                    }
                    else if (year != foundYear)
                    {
                        log.Warning(line, $"el encabezado dice {foundYear} y la primera hoja {year}; se usa {year}");
                    }

                    if (titled.Groups["entity"].Success && CleanName(titled.Groups["entity"].Value) is { Length: > 0 } named)
                    {
                        entity ??= named;
                    }

                    continue;
                }

                if (LabelledHeading().Match(text) is { Success: true } labelled)
                {
                    var value = CleanName(labelled.Groups["value"].Value);
                    if (SpanishText.Fold(labelled.Groups["label"].Value).StartsWith("entidad", StringComparison.Ordinal))
                    {
                        entity ??= value;
                    }
                    else if (YearPattern().Match(value) is { Success: true } y)
                    {
                        year ??= int.Parse(y.Value, CultureInfo.InvariantCulture);
                    }

                    continue;
                }

                log.Skipped(line, $"texto del encabezado «{PlanHeaderReader.Shorten(text)}» no importado");
            }

            headings[index] = component;
        }

        var rows = new List<SourceRow>();
        if (entity is not null)
        {
            rows.Add(new SourceRow(headingLine, [$"ENTIDAD: {entity}"]));
        }

        if (year is not null)
        {
            rows.Add(new SourceRow(headingLine, [$"VIGENCIA: {year.Value.ToString(CultureInfo.InvariantCulture)}"]));
        }

        if (title is not null)
        {
            rows.Add(new SourceRow(headingLine, [$"PRODUCTO: {title}"]));
        }

        var first = components[0];
        rows.Add(new SourceRow(Line(first.Index, first.Columns.HeaderRow), TableHeader));
        log.Inferred(Line(first.Index, first.Columns.HeaderRow),
            "la plantilla del DAFP no trae cantidades: cada meta o producto cuenta como 1 (resultado 1), programado en el mes de su fecha programada o repartido entre los meses que ella nombra («Trimestral», «Enero a diciembre»); corrija la cantidad en el borrador si es otra");

        var usedNumbers = new HashSet<int>();
        for (var k = 0; k < components.Count; k++)
        {
            var (index, sheet, columns) = components[k];
            var headerLine = Line(index, columns.HeaderRow);
            int number;
            string name;
            var heading = headings[index];
            if (heading is { } h)
            {
                (number, name) = (h.Number, h.Name);
            }
            else if (SheetNumber().Match(sheet.Name) is { Success: true } named)
            {
                number = int.Parse(named.Groups["num"].Value, CultureInfo.InvariantCulture);
                name = CleanName(named.Groups["name"].Value) is { Length: > 0 } rest ? rest : sheet.Name.Trim();
                log.Inferred(headerLine, $"la hoja no tiene el título «Componente N: …» sobre la tabla; se toma el componente {number} del nombre de la hoja");
            }
            else
            {
                number = k + 1;
                while (usedNumbers.Contains(number))
                {
                    number++;
                }

                name = sheet.Name.Trim();
                log.Inferred(headerLine, $"la hoja no dice su número de componente; se toma {number} por su orden y el nombre de la hoja como nombre del componente");
            }

            usedNumbers.Add(number);
            rows.Add(new SourceRow(heading?.Line ?? headerLine, [number.ToString(CultureInfo.InvariantCulture), $"Componente {number.ToString(CultureInfo.InvariantCulture)}: {name}"]));
            ReadTable(index, sheet, columns, number, year, rows, log);
        }

        return rows;
    }

    /// <summary>The table of one component's sheet as rows of the seed's layout.</summary>
    private static void ReadTable(int index, IXLWorksheet sheet, Columns columns, int component, int? year, List<SourceRow> rows, ImportNoteLog log)
    {
        var merged = sheet.MergedRanges.Select(m => m.RangeAddress).ToList();
        var last = sheet.LastRowUsed()?.RowNumber() ?? 0;
        if (last >= SheetStride)
        {
            log.Error(Line(index, 1), $"la hoja tiene {last.ToString(CultureInfo.InvariantCulture)} filas; no se leen hojas de más de {(SheetStride - 1).ToString(CultureInfo.InvariantCulture)}");
            return;
        }

        // The merged range a cell lies in: its top-left cell holds the value for every row it covers.
        IXLRangeAddress? MergeOf(int row, int column) => column == 0 ? null : merged.FirstOrDefault(m =>
            m.FirstAddress.RowNumber <= row && row <= m.LastAddress.RowNumber
            && m.FirstAddress.ColumnNumber <= column && column <= m.LastAddress.ColumnNumber);

        IXLCell? Value(int row, int column)
        {
            if (column == 0)
            {
                return null;
            }

            var range = MergeOf(row, column);
            return range is null ? sheet.Cell(row, column) : sheet.Cell(range.FirstAddress.RowNumber, range.FirstAddress.ColumnNumber);
        }

        string Text(int row, int column) => Value(row, column) is { } cell ? CellText(cell) : "";

        // A merged activity (N° and Actividades over several rows with one meta each) is one activity with several actions.
        bool ContinuesAbove(int row, int column) => MergeOf(row, column) is { } range && range.FirstAddress.RowNumber < row;

        string? currentSubcomponent = null;
        var subcomponentNumber = 0;
        var subcomponentNumbers = new HashSet<int>();
        for (var r = columns.HeaderRow + 1; r <= last; r++)
        {
            var line = Line(index, r);
            var code = CodeText(Value(r, columns.Code));
            var activity = Text(r, columns.Activity);
            var goal = Text(r, columns.Goal);
            var responsible = Text(r, columns.Responsible);
            var dateCell = Value(r, columns.Date);
            var subcomponent = Text(r, columns.Subcomponent);
            var continues = ContinuesAbove(r, columns.Activity)
                && (columns.Code == 0 || ContinuesAbove(r, columns.Code) || sheet.Cell(r, columns.Code).IsEmpty());
            if (code.Length == 0 && activity.Length == 0 && goal.Length == 0 && responsible.Length == 0 && (dateCell is null || dateCell.IsEmpty()))
            {
                if (subcomponent.Length > 0 && !ContinuesAbove(r, columns.Subcomponent) && SpanishText.Fold(subcomponent) != SpanishText.Fold(currentSubcomponent))
                {
                    log.Warning(line, $"subcomponente «{PlanHeaderReader.Shorten(subcomponent)}» sin actividades; no se importó");
                }

                continue;
            }

            // Activity numbers of this sheet: "1.1" (subcomponent 1, activity 1) becomes "component.1.1".
            var codeSegments = Array.Empty<int>();
            if (!continues && code.Length > 0)
            {
                if (!PlanCode.TryParse(code, out _, out codeSegments))
                {
                    log.Error(line, $"la columna «N°» ({ColumnName(columns.Code)}) dice «{PlanHeaderReader.Shorten(code)}», que no es un número de actividad (p. ej. 1.1)");
                    continue;
                }
            }

            if (subcomponent.Length > 0 && SpanishText.Fold(subcomponent) != SpanishText.Fold(currentSubcomponent))
            {
                currentSubcomponent = subcomponent;
                var parsed = SubcomponentHeading().Match(subcomponent);
                var subName = CleanName(parsed.Success ? parsed.Groups["name"].Value : subcomponent);
                if (parsed.Success && parsed.Groups["num"].Success)
                {
                    subcomponentNumber = int.Parse(parsed.Groups["num"].Value, CultureInfo.InvariantCulture);
                }
                else if (codeSegments.Length == 2 || (codeSegments.Length == 3 && codeSegments[0] == component))
                {
                    subcomponentNumber = codeSegments[^2];
                }
                else
                {
                    subcomponentNumber = subcomponentNumbers.Count == 0 ? 1 : subcomponentNumbers.Max() + 1;
                    log.Inferred(line, $"el subcomponente «{PlanHeaderReader.Shorten(subName)}» no dice su número; se toma {subcomponentNumber} por su orden");
                }

                subcomponentNumbers.Add(subcomponentNumber);
                var subCode = $"{component.ToString(CultureInfo.InvariantCulture)}.{subcomponentNumber.ToString(CultureInfo.InvariantCulture)}";
                rows.Add(new SourceRow(line, [subCode, $"Subcomponente {subcomponentNumber.ToString(CultureInfo.InvariantCulture)}: {subName}"]));
            }

            var fullCode = "";
            if (!continues && codeSegments.Length > 0)
            {
                var inSubcomponent = currentSubcomponent is not null;
                fullCode = (codeSegments.Length, inSubcomponent) switch
                {
                    (3, _) when codeSegments[0] == component => string.Join('.', codeSegments),
                    (2, true) => string.Join('.', [component, subcomponentNumber, codeSegments[1]]),
                    (1, true) => string.Join('.', [component, subcomponentNumber, codeSegments[0]]),
                    (2, false) when codeSegments[0] == component => string.Join('.', codeSegments),
                    (1, false) => string.Join('.', [component, codeSegments[0]]),
                    _ => "",
                };
                if (codeSegments.Length == 2 && inSubcomponent && codeSegments[0] != subcomponentNumber)
                {
                    log.Warning(line, $"el N° {code} no corresponde al subcomponente {subcomponentNumber.ToString(CultureInfo.InvariantCulture)} en el que está; la actividad se numera {fullCode}");
                }

                if (fullCode.Length == 0)
                {
                    log.Error(line, $"la columna «N°» ({ColumnName(columns.Code)}) dice «{code}», que no es un número de actividad de este componente ({component.ToString(CultureInfo.InvariantCulture)}): escriba 1.1, 1.2…");
                    continue;
                }
            }
            else if (!continues && activity.Length > 0)
            {
                log.Error(line, $"la actividad «{PlanHeaderReader.Shorten(activity)}» no tiene número en la columna «N°»");
                continue;
            }

            var months = new string[12];
            Array.Fill(months, "");
            if (dateCell is not null && !dateCell.IsEmpty())
            {
                var (scheduled, written) = ScheduledDate(dateCell);
                if (scheduled is null)
                {
                    log.Error(line, $"la columna «Fecha programada» ({ColumnName(columns.Date)}) dice «{PlanHeaderReader.Shorten(written.Length == 0 ? "(vacía)" : written)}», que no es una fecha, un mes ni una frecuencia (escriba, p. ej., «Marzo de {(year ?? 2023).ToString(CultureInfo.InvariantCulture)}», 31/03/{(year ?? 2023).ToString(CultureInfo.InvariantCulture)}, «Trimestral», «Enero a diciembre» o «A demanda»)");
                    continue;
                }

                var shares = scheduled.Shares();
                for (var i = 0; i < scheduled.Months.Count && goal.Length > 0; i++)
                {
                    months[scheduled.Months[i] - 1] = Quantity(shares[i]);
                }

                if (scheduled.Months.Count == 0)
                {
                    log.Inferred(line, $"la fecha programada «{PlanHeaderReader.Shorten(written)}» se lee como {scheduled.Reading}: la acción queda sin meses programados; prográmela en el borrador");
                }
                else if (scheduled.Months.Count > 1)
                {
                    var split = shares.Distinct().Count() == 1
                        ? $"{Quantity(shares[0])} en cada mes"
                        : $"{Quantity(shares[0])} en cada mes y {Quantity(shares[^1])} en {SpanishMonths.Name(scheduled.Months[^1])}";
                    log.Inferred(line, $"la fecha programada «{PlanHeaderReader.Shorten(written)}» se lee como {scheduled.Reading}: el resultado 1 se reparte entre esos meses ({split})");
                }

                if (scheduled.Year is { } y && year is { } planYear && y != planYear && scheduled.Months.Count > 0)
                {
                    log.Warning(line, $"la fecha programada es de {y.ToString(CultureInfo.InvariantCulture)} y el plan de {planYear.ToString(CultureInfo.InvariantCulture)}; se programa en {scheduled.Reading} del plan");
                }
            }

            var cells = new string[TableHeader.Length];
            Array.Fill(cells, "");
            cells[CodeColumn] = fullCode;
            cells[ActivityColumn] = continues ? "" : activity;
            cells[DescriptionColumn] = continues ? "" : activity;
            cells[GoalColumn] = goal;
            Array.Copy(months, 0, cells, FirstMonthColumn, 12);
            cells[DeliverableColumn] = goal;
            cells[ResultColumn] = goal.Length > 0 ? "1" : "";
            cells[ResponsibleColumn] = responsible;
            rows.Add(new SourceRow(line, cells));
        }
    }

    /// <summary>How a «Fecha programada» cell reads (<see cref="ScheduledDateText"/>): a date cell is its month; text is
    /// read by the one parser. Null when it cannot be read, with the text as written.</summary>
    private static (ScheduledDate? Date, string Written) ScheduledDate(IXLCell cell)
    {
        object value;
        try
        {
            value = cell.Value;
        }
        catch (Exception)
        {
            value = cell.CachedValue;
        }

        if (value is DateTime date)
        {
            return (ScheduledDateText.FromDate(date), "");
        }

        var text = SpanishText.CollapseWhitespace(value is string s ? s : CellText(cell));
        return (ScheduledDateText.Read(text), text);
    }

    /// <summary>A month's share as the seed's month cells write it: a decimal comma, never a dot (which groups thousands).</summary>
    private static string Quantity(decimal share) => share.ToString("0.####", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>The sheet's header row and its columns, or null when the sheet has none: a row within the first 40
    /// whose folded labels include «Actividad…», «Meta…» and «Fecha…», and no month columns (the seed's layout).</summary>
    private static Columns? FindHeader(IXLWorksheet sheet)
    {
        var last = Math.Min(sheet.LastRowUsed()?.RowNumber() ?? 0, 40);
        for (var r = 1; r <= last; r++)
        {
            int sub = 0, code = 0, activity = 0, goal = 0, responsible = 0, date = 0;
            var months = 0;
            foreach (var cell in sheet.Row(r).CellsUsed())
            {
                var key = SpanishText.Fold(CellText(cell));
                var column = cell.Address.ColumnNumber;
                if (key.Length == 0 || key.Length > 40)
                {
                    continue;
                }

                if (SpanishMonths.FromName(key) is not null)
                {
                    months++;
                }
                else if (key.StartsWith("subcomponente", StringComparison.Ordinal))
                {
                    sub = sub == 0 ? column : sub;
                }
                else if (CodeLabel().IsMatch(key))
                {
                    code = code == 0 ? column : code;
                }
                else if (key.StartsWith("actividad", StringComparison.Ordinal))
                {
                    activity = activity == 0 ? column : activity;
                    // «Actividades» written over two merged columns: the number and the text.
                    var wide = sheet.MergedRanges.Select(m => m.RangeAddress).FirstOrDefault(m =>
                        m.FirstAddress.RowNumber == r && m.FirstAddress.ColumnNumber == column && m.LastAddress.ColumnNumber > column);
                    if (wide is not null && code == 0)
                    {
                        code = column;
                        activity = column + 1;
                    }
                }
                else if (key.StartsWith("meta", StringComparison.Ordinal) || key.StartsWith("producto", StringComparison.Ordinal))
                {
                    goal = goal == 0 ? column : goal;
                }
                else if (key.StartsWith("responsable", StringComparison.Ordinal))
                {
                    responsible = responsible == 0 ? column : responsible;
                }
                else if (key.StartsWith("fecha", StringComparison.Ordinal))
                {
                    date = date == 0 ? column : date;
                }
            }

            if (activity > 0 && goal > 0 && date > 0 && months == 0)
            {
                return new Columns(r, sub, code, activity, goal, responsible, date);
            }
        }

        return null;
    }

    private static int Line(int sheet, int row) => (sheet * SheetStride) + row;

    private static string ColumnName(int column) => XLHelper.GetColumnLetterFromNumber(column);

    /// <summary>A cell's text as <see cref="XlsxRowReader"/> reads it.</summary>
    private static string CellText(IXLCell cell) => XlsxRowReader.CellText(cell);

    /// <summary>The N° cell's text: a number typed as a number (1.1) keeps its point.</summary>
    private static string CodeText(IXLCell? cell)
    {
        if (cell is null || cell.IsEmpty())
        {
            return "";
        }

        object value;
        try
        {
            value = cell.Value;
        }
        catch (Exception)
        {
            value = cell.CachedValue;
        }

        return value is double d ? d.ToString("0.##########", CultureInfo.InvariantCulture) : CellText(cell);
    }

    private static string CleanName(string text) => SpanishText.CollapseWhitespace(text).Trim(' ', ':', '-', '–', '—', '.');

    [GeneratedRegex(@"\bcomponente\s+(?<num>\d{1,2})\s*[:.\-–—]?\s*(?<name>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComponentHeading();

    [GeneratedRegex(@"^(?<title>.*?\b(?:plan|programa)\b.*?)[\s:\-–—,]*(?:vigencia\s+)?(?<year>(?:19|20)\d{2})\b(?:\s*[\-–—:,]\s*(?<entity>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleHeading();

    [GeneratedRegex(@"^(?<label>entidad|vigencia|a[ñn]o)\s*:\s*(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledHeading();

    [GeneratedRegex(@"^(?:\d+\s*[.\-–]\s*)?componente\s*(?<num>\d{1,2})\b\s*[:.\-–—]?\s*(?<name>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SheetNumber();

    [GeneratedRegex(@"^subcomponente\s*(?:/\s*proceso)?\s*(?<num>\d{1,2})?\b\s*[:.\-–—]?\s*(?<name>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex SubcomponentHeading();



    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(n\s*\.?\s*[°º]?\.?|n\.?\s*o\.?|#|num\.?|numero|item)$")]
    private static partial Regex CodeLabel();
}
