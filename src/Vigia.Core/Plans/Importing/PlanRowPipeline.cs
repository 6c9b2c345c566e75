namespace Vigia.Core.Plans.Importing;

/// <summary>The row pipeline shared by the text and spreadsheet readers: finds the table header,
/// reads the metadata above it, then classifies every row below it (repeated header, page mark,
/// component or subcomponent heading, activity row, continuation row) and builds the plan. Every
/// row is either consumed into the plan or noted.</summary>
internal sealed class PlanRowPipeline
{
    private readonly ImportNoteLog log;
    private readonly PlanAssembler plan = new();
    private readonly ActionRowReader actions;
    private TableLayout layout = null!;
    private int preferredShift;
    private int? currentComponent;
    private PlanAssembler.ActivityBuilder? currentActivity;
    private (PlanAssembler.ActivityBuilder Activity, int NextRow)? repeated;
    private string? lastCode;
    private int baselineShift;
    private int currentLine = 1;

    private PlanRowPipeline(ImportNoteLog log)
    {
        this.log = log;
        actions = new ActionRowReader(log);
    }

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

        var items = TableRowClassifier.Classify(rows, headerIndex).ToList();
        baselineShift = DominantShift(items);
        foreach (var item in items)
        {
            currentLine = item.Row.Line;
            switch (item.Kind)
            {
                case TableRowClassifier.RowKind.Header:
                    if (!HandleHeader(item.Row, item.Secondary))
                    {
                        return null;
                    }

                    break;
                case TableRowClassifier.RowKind.SecondaryHeader:
                    log.Skipped(item.Row.Line, "segunda línea del encabezado de la tabla repetida, omitida");
                    break;
                case TableRowClassifier.RowKind.Heading:
                    HandleHeading(item.Row.Line, item.Heading!);
                    break;
                case TableRowClassifier.RowKind.LooseText:
                    TableRowClassifier.NoteLooseText(item.Row, log);
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

    /// <summary>The shift of the right block most data rows share. PDF extraction often moves the
    /// whole table the same way; that is said once, and only rows that differ from it are noted.</summary>
    private int DominantShift(IReadOnlyList<TableRowClassifier.TableItem> items)
    {
        var shifts = items.Where(i => i.Kind == TableRowClassifier.RowKind.Data)
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
                log.Add(line, ImportNoteKind.DuplicateSkipped, $"el componente {number} ya se importó en la {log.At(originalLine)}; encabezado repetido omitido");
                break;
            case PlanAssembler.Outcome.Conflict:
                log.Error(line, $"el componente {number} aparece otra vez con otro nombre («{heading.Name}»; en la {log.At(originalLine)}: «{originalName}»)");
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
                log.Add(line, ImportNoteKind.DuplicateSkipped, $"el subcomponente {code} ya se importó en la {log.At(originalLine)}; encabezado repetido omitido");
                break;
            case PlanAssembler.Outcome.Conflict:
                log.Error(line, $"el subcomponente {code} aparece otra vez con otro nombre («{heading.Name}»; en la {log.At(originalLine)}: «{originalName}»)");
                break;
            default:
                CheckOrder(code, line);
                break;
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
        actions.AddAction(activity, row, firstRow: true);
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
        actions.AddAction(currentActivity, row, firstRow: false);
    }

    /// <summary>A row of an activity already imported (a page printed twice): skipped when it says
    /// the same as the original row at the same place, an error otherwise.</summary>
    private void CompareRepeated(AlignedRow row)
    {
        var (activity, index) = repeated!.Value;
        repeated = (activity, index + 1);
        if (index >= activity.Rows.Count)
        {
            log.Error(row.Line, $"la actividad {activity.Code} aparece repetida con una fila más que la original ({log.At(activity.Line)})");
            return;
        }

        var (originalLine, signature) = activity.Rows[index];
        if (signature != row.Signature)
        {
            log.Error(row.Line, $"la actividad {activity.Code} aparece repetida con contenido distinto al de la {log.At(originalLine)}");
        }
        else if (index == 0)
        {
            log.Add(row.Line, ImportNoteKind.DuplicateSkipped, $"la actividad {activity.Code} ya se importó en la {log.At(originalLine)}; fila repetida omitida");
        }
        else
        {
            log.Add(row.Line, ImportNoteKind.DuplicateSkipped, $"fila repetida de la actividad {activity.Code} (igual a la {log.At(originalLine)}) omitida");
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
}
