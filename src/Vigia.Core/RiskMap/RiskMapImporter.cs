using ClosedXML.Excel;

namespace Vigia.Core.RiskMap;

public enum RiskImportNoteKind
{
    /// <summary>The row cannot be imported; one error refuses the whole file.</summary>
    Error = 1,
    /// <summary>The row is imported, but something in it differs from what Vigía computes or assumes.</summary>
    Warning = 2,
}

/// <summary>One line of the import report, placed by the sheet's row number and the column's header as the file
/// writes it (<paramref name="Row"/> 0 and no column: the whole file).</summary>
public sealed record RiskImportNote(int Row, string? Column, RiskImportNoteKind Kind, string Message)
{
    public string Text => (Row, Column) switch
    {
        (0, null) => Message,
        (_, null) => $"Fila {Row.ToString(CultureInfo.InvariantCulture)}: {Message}",
        _ => $"Fila {Row.ToString(CultureInfo.InvariantCulture)}, columna «{Column}»: {Message}",
    };
}

/// <summary>A risk read from the matrix, assessed by Vigía with the method it was read against (not yet stored:
/// <see cref="Risk.ProcessId"/> and <see cref="Risk.MethodId"/> are set by the import).</summary>
public sealed record ImportedRisk(int Row, string ProcessName, string? ProcessObjective, Risk Risk);

/// <summary>What the reader made of a workbook: the risks it could read and every note, errors first by row.</summary>
public sealed record RiskMapReading(string? EntityName, IReadOnlyList<ImportedRisk> Risks, IReadOnlyList<RiskImportNote> Notes)
{
    public bool HasErrors => Notes.Any(n => n.Kind == RiskImportNoteKind.Error);
}

/// <summary>
/// Reads a corruption risk map in the layout <see cref="RiskMapXlsx"/> writes (the DAFP v5 matrix, one row per
/// control). Columns are found by their folded header names (<see cref="SpanishText.Fold"/>), so a matrix with the
/// same columns in another order, or with more columns, reads too. A merged cell's value applies to every row it
/// covers; a row whose «Referencia» is empty (or repeats the one above) continues the risk above. Vigía assesses each
/// risk itself; where the file's own computed columns say otherwise, the report carries a warning on that row.
/// </summary>
public static class RiskMapImporter
{
    private const int HeaderSearchRows = 30;

    private sealed record Column(string Key, bool Required, params string[] Headers);

    private static readonly Column[] Columns =
    [
        new("code", true, "Referencia"),
        new("process", true, "Proceso"),
        new("objective", false, "Objetivo del proceso"),
        new("riskType", false, "Tipo de riesgo"),
        new("consequences", true, "Impacto", "Consecuencias", "Consecuencia"),
        new("immediateCause", true, "Causa inmediata"),
        new("rootCause", true, "Causa raíz"),
        new("description", true, "Descripción del riesgo", "Riesgo"),
        new("classification", true, "Clasificación del riesgo"),
        new("actionOrOmission", true, "Acción u omisión"),
        new("useOfPower", true, "Uso del poder"),
        new("deviation", true, "Desviación de la gestión de lo público"),
        new("privateBenefit", true, "Beneficio privado"),
        new("activityFrequency", true, "Frecuencia con la que se realiza la actividad"),
        new("inherentProbability", false, "Probabilidad inherente"),
        new("inherentProbabilityPct", false, "Probabilidad inherente (%)"),
        new("yesAnswers", true, "Criterio(s) de impacto: preguntas con «sí»", "Preguntas con «sí»"),
        new("inherentImpact", false, "Impacto inherente"),
        new("inherentImpactPct", false, "Impacto inherente (%)"),
        new("inherentZone", false, "Zona de riesgo inherente"),
        new("controlDescription", true, "Descripción del control"),
        new("controlPost", true, "Responsable del control (cargo)", "Responsable del control"),
        new("tipo", true, "Tipo"),
        new("implementacion", true, "Implementación"),
        new("controlScore", false, "Calificación"),
        new("documentacion", true, "Documentación"),
        new("frecuencia", true, "Frecuencia"),
        new("evidencia", true, "Evidencia"),
        new("controlResidualProbability", false, "Probabilidad residual"),
        new("residualProbability", false, "Probabilidad residual final"),
        new("residualProbabilityPct", false, "Probabilidad residual final (%)"),
        new("residualImpact", false, "Impacto residual final"),
        new("residualImpactPct", false, "Impacto residual final (%)"),
        new("residualZone", false, "Zona de riesgo final"),
        new("treatment", true, "Tratamiento"),
    ];

    private static readonly string[] ControlKeys = ["controlDescription", "controlPost", "tipo", "implementacion", "documentacion", "frecuencia", "evidencia"];

    /// <summary>Reads <paramref name="xlsx"/> against <paramref name="method"/> (which must rate controls and derive
    /// probability from frequency, as DAFP v5/v6 do).</summary>
    public static RiskMapReading Read(Stream xlsx, RiskMethodDefinition method, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(method);
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(xlsx);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return new RiskMapReading(null, [], [new RiskImportNote(0, null, RiskImportNoteKind.Error, "El archivo no es una hoja de cálculo .xlsx legible.")]);
        }
        using (workbook)
        {
            foreach (var ws in workbook.Worksheets)
            {
                if (FindHeader(ws) is { } header)
                {
                    return new Sheet(ws, header.Row, header.Columns, method, now).Read();
                }
            }
        }
        return new RiskMapReading(null, [], [new RiskImportNote(0, null, RiskImportNoteKind.Error,
            "No se encontró la fila de encabezados de la matriz: se busca una fila con las columnas «Referencia» y «Descripción del riesgo».")]);
    }

    private static (int Row, Dictionary<string, (int Index, string Header)> Columns)? FindHeader(IXLWorksheet ws)
    {
        var last = Math.Min(HeaderSearchRows, ws.LastRowUsed()?.RowNumber() ?? 0);
        var lastColumn = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
        for (var row = 1; row <= last; row++)
        {
            var folded = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
            for (var c = 1; c <= lastColumn; c++)
            {
                var text = ws.Cell(row, c).GetString().Trim();
                folded.TryAdd(SpanishText.Fold(text), (c, text));
            }
            if (!folded.ContainsKey(SpanishText.Fold("Referencia")) || !folded.ContainsKey(SpanishText.Fold("Descripción del riesgo")))
            {
                continue;
            }
            var found = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
            foreach (var column in Columns)
            {
                foreach (var header in column.Headers)
                {
                    if (folded.TryGetValue(SpanishText.Fold(header), out var at))
                    {
                        found[column.Key] = at;
                        break;
                    }
                }
            }
            return (row, found);
        }
        return null;
    }

    private sealed class Sheet(IXLWorksheet ws, int headerRow, Dictionary<string, (int Index, string Header)> columns, RiskMethodDefinition method, DateTimeOffset now)
    {
        private readonly List<RiskImportNote> notes = [];

        public RiskMapReading Read()
        {
            var missing = Columns.Where(c => c.Required && !columns.ContainsKey(c.Key)).Select(c => $"«{c.Headers[0]}»").ToList();
            if (missing.Count > 0)
            {
                notes.Add(new RiskImportNote(headerRow, null, RiskImportNoteKind.Error, $"Faltan columnas de la matriz: {string.Join(", ", missing)}."));
                return new RiskMapReading(EntityName(), [], notes);
            }
            var risks = new List<ImportedRisk>();
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in Groups())
            {
                if (ReadRisk(group) is { } risk)
                {
                    if (!codes.Add(risk.Risk.Code))
                    {
                        Error(group[0], "code", $"la referencia «{risk.Risk.Code}» ya está en una fila anterior del archivo.");
                        continue;
                    }
                    risks.Add(risk);
                }
            }
            return new RiskMapReading(EntityName(), risks, notes.OrderBy(n => n.Row).ThenBy(n => n.Kind).ToList());
        }

        /// <summary>The entity the title row names: «Mapa de riesgos de corrupción 2026 — Alcaldía de Prueba».</summary>
        private string? EntityName()
        {
            for (var row = 1; row < headerRow; row++)
            {
                var title = ws.Cell(row, 1).GetString();
                var dash = title.IndexOf(" — ", StringComparison.Ordinal);
                if (dash > 0 && title[(dash + 3)..].Trim() is { Length: > 0 } name)
                {
                    return name;
                }
            }
            return null;
        }

        /// <summary>The data rows grouped by risk: a merged «Referencia», an empty one or the same one as the row above
        /// continue the risk above.</summary>
        private List<List<int>> Groups()
        {
            var groups = new List<List<int>>();
            var last = ws.LastRowUsed()?.RowNumber() ?? headerRow;
            var (codeColumn, _) = columns["code"];
            int? currentStart = null;
            var currentCode = "";
            for (var row = headerRow + 1; row <= last; row++)
            {
                if (columns.Values.All(c => ws.Cell(row, c.Index).IsEmpty() && !ws.Cell(row, c.Index).IsMerged()))
                {
                    continue;
                }
                var cell = ws.Cell(row, codeColumn);
                var start = cell.IsMerged() ? cell.MergedRange().RangeAddress.FirstAddress.RowNumber : row;
                var code = Text(row, "code");
                var continues = currentStart is not null && (start == currentStart || code.Length == 0 || (start == row && code == currentCode));
                if (continues)
                {
                    groups[^1].Add(row);
                    continue;
                }
                if (code.Length == 0)
                {
                    Error(row, "code", "la fila no tiene referencia y no hay un riesgo encima al que pertenezca.");
                    continue;
                }
                (currentStart, currentCode) = (start, code);
                groups.Add([row]);
            }
            return groups;
        }

        private ImportedRisk? ReadRisk(List<int> rows)
        {
            var row = rows[0];
            var before = notes.Count(n => n.Kind == RiskImportNoteKind.Error);
            if (Text(row, "riskType") is { Length: > 0 } kind && SpanishText.Fold(kind) != "corrupcion")
            {
                Error(row, "riskType", $"Vigía importa solo riesgos de corrupción; este es «{kind}».");
            }
            var frequency = Frequency(row);
            var yes = YesAnswers(row);
            var draft = new RiskDraft(0, 2000, Text(row, "code"), Text(row, "description"), Text(row, "classification"),
                YesNo(row, "actionOrOmission"), YesNo(row, "useOfPower"), YesNo(row, "deviation"), YesNo(row, "privateBenefit"),
                Text(row, "immediateCause"), Text(row, "rootCause"), Text(row, "consequences"), frequency, yes ?? [], Treatment(row));
            foreach (var (field, message) in RiskMapService.Check(method, draft))
            {
                var key = FieldColumn(field, draft);
                if (key == "yesAnswers" && yes is null || key == "activityFrequency" && frequency is null)
                {
                    continue;
                }
                Error(row, key, message);
            }
            var controls = rows.Select(ReadControl).ToList();
            if (notes.Count(n => n.Kind == RiskImportNoteKind.Error) > before)
            {
                return null;
            }
            var risk = new Risk
            {
                Year = draft.Year,
                Code = draft.Code!.Trim(),
                Description = draft.Description!.Trim(),
                Classification = draft.Classification!.Trim(),
                ActionOrOmission = true,
                UseOfPower = true,
                DeviationFromPublicInterest = true,
                PrivateBenefit = true,
                ImmediateCause = draft.ImmediateCause!.Trim(),
                RootCause = draft.RootCause!.Trim(),
                Consequences = draft.Consequences!.Trim(),
                ActivityFrequency = frequency!.Value,
                ImpactAnswers = RiskAnswers.Format(draft.YesAnswers),
                Treatment = draft.Treatment!,
                InherentZone = "",
                ResidualZone = "",
                Controls = controls.OfType<RiskControl>().ToList(),
            };
            RiskMapService.Assess(method, risk, now);
            Compare(rows, risk);
            var objective = Text(row, "objective");
            return new ImportedRisk(row, Text(row, "process"), objective.Length == 0 ? null : objective, risk);
        }

        private RiskControl? ReadControl(int row, int index)
        {
            if (ControlKeys.All(k => Text(row, k).Length == 0))
            {
                return null;
            }
            var description = Text(row, "controlDescription");
            var post = Text(row, "controlPost");
            if (description.Length == 0)
            {
                Error(row, "controlDescription", "describa el control.");
            }
            if (post.Length == 0)
            {
                Error(row, "controlPost", "escriba el cargo de quien ejecuta el control.");
            }
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var attribute in method.Controls!.Attributes)
            {
                var written = Text(row, attribute.Code);
                var option = attribute.Options.FirstOrDefault(o => SpanishText.Fold(o.Name) == SpanishText.Fold(written) || o.Code == written);
                if (option is null)
                {
                    Error(row, attribute.Code, written.Length == 0
                        ? $"elija {attribute.Name.ToLower(SpanishFormat.Culture)}: {string.Join(", ", attribute.Options.Select(o => o.Name))}."
                        : $"«{written}» no es una opción de {attribute.Name.ToLower(SpanishFormat.Culture)}: {string.Join(", ", attribute.Options.Select(o => o.Name))}.");
                    continue;
                }
                options[attribute.Code] = option.Code;
            }
            if (options.Count != method.Controls.Attributes.Count || description.Length == 0 || post.Length == 0)
            {
                return null;
            }
            var control = new RiskControl
            {
                Number = index,
                Description = description,
                ResponsiblePost = post,
                Type = options["tipo"],
                Implementation = options["implementacion"],
                Documentation = options["documentacion"],
                Frequency = options["frecuencia"],
                Evidence = options["evidencia"],
            };
            control.Score = RiskRules.ControlScore(method, control.Choice());
            return control;
        }

        /// <summary>Warnings where the file's own computed columns differ from Vigía's assessment.</summary>
        private void Compare(List<int> rows, Risk risk)
        {
            var row = rows[0];
            CompareName(row, "inherentProbability", method.Probability(risk.InherentProbability).Name);
            ComparePercent(row, "inherentProbabilityPct", method.Probability(risk.InherentProbability).Value);
            CompareName(row, "inherentImpact", method.Impact(risk.InherentImpact).Name);
            ComparePercent(row, "inherentImpactPct", method.Impact(risk.InherentImpact).Value);
            CompareName(row, "inherentZone", method.Zone(risk.InherentZone).Name);
            CompareName(row, "residualProbability", method.Probability(risk.ResidualProbability).Name);
            ComparePercent(row, "residualProbabilityPct", risk.ResidualProbabilityValue);
            CompareName(row, "residualImpact", method.Impact(risk.ResidualImpact).Name);
            ComparePercent(row, "residualImpactPct", risk.ResidualImpactValue);
            CompareName(row, "residualZone", method.Zone(risk.ResidualZone).Name);
            var controls = risk.Controls.OrderBy(c => c.Number).ToList();
            if (controls.Count == 0)
            {
                return;
            }
            var path = RiskRules.Residual(method, new RiskPosition(risk.InherentProbability, risk.InherentImpact, risk.InherentZone), true,
                controls.Select(c => c.Choice()).ToList());
            for (var k = 0; k < controls.Count; k++)
            {
                var controlRow = rows[controls[k].Number];
                ComparePercent(controlRow, "controlScore", controls[k].Score);
                ComparePercent(controlRow, "controlResidualProbability", path.Steps[k].ProbabilityAfter);
            }
            // Numbers follow the file's order of rows; close any gap left by rows without a control.
            for (var k = 0; k < controls.Count; k++)
            {
                controls[k].Number = k + 1;
            }
        }

        private void CompareName(int row, string key, string computed)
        {
            var written = Text(row, key);
            if (written.Length > 0 && SpanishText.Fold(written) != SpanishText.Fold(computed))
            {
                Warning(row, key, $"el archivo dice «{written}» y Vigía calcula «{computed}»; se guarda el cálculo de Vigía.");
            }
        }

        private void ComparePercent(int row, string key, decimal computed)
        {
            if (!columns.TryGetValue(key, out var column))
            {
                return;
            }
            var cell = Resolve(row, column.Index);
            if (cell.IsEmpty())
            {
                return;
            }
            var written = Percent(cell);
            if (written is null)
            {
                Warning(row, key, $"«{cell.GetString()}» no es un porcentaje; Vigía calcula {RiskText.Percent(computed)}.");
            }
            else if (Math.Abs(written.Value - computed) > 0.05m)
            {
                Warning(row, key, $"el archivo dice {RiskText.Percent(written.Value)} y Vigía calcula {RiskText.Percent(computed)}; se guarda el cálculo de Vigía.");
            }
        }

        private int? Frequency(int row)
        {
            var cell = Resolve(row, columns["activityFrequency"].Index);
            decimal? value = cell.DataType == XLDataType.Number ? (decimal)cell.GetDouble()
                : decimal.TryParse(cell.GetString().Trim().Replace(".", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            if (value is not { } v || v < 0 || v != decimal.Truncate(v) || v > int.MaxValue)
            {
                Error(row, "activityFrequency", $"«{cell.GetString()}» no es un número de veces al año (un entero, 0 o más).");
                return null;
            }
            return (int)v;
        }

        private List<int>? YesAnswers(int row)
        {
            var cell = Resolve(row, columns["yesAnswers"].Index);
            if (cell.DataType == XLDataType.Number)
            {
                var n = cell.GetDouble();
                return n == Math.Floor(n) ? [(int)n] : Unreadable();
            }
            var answers = new List<int>();
            foreach (var part in cell.GetString().Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    return Unreadable();
                }
                answers.Add(number);
            }
            return answers;

            List<int>? Unreadable()
            {
                Error(row, "yesAnswers", $"«{cell.GetString()}» no es una lista de números de pregunta separados por comas (por ejemplo, «1, 5, 16»).");
                return null;
            }
        }

        private bool YesNo(int row, string key)
        {
            var written = Text(row, key);
            switch (SpanishText.Fold(written))
            {
                case "si" or "x":
                    return true;
                case "no" or "":
                    return false;
                default:
                    Error(row, key, $"«{written}» no es «Sí» ni «No».");
                    return false;
            }
        }

        /// <summary>The treatment's code where the file names one of the method's options (by name or code); the
        /// text as written otherwise, which the risk check then refuses naming the options.</summary>
        private string Treatment(int row)
        {
            var written = Text(row, "treatment");
            return method.Treatments.FirstOrDefault(t => SpanishText.Fold(t.Name) == SpanishText.Fold(written) || t.Code == SpanishText.Fold(written))?.Code
                ?? written;
        }

        private string FieldColumn(string field, RiskDraft draft) => field switch
        {
            RiskFields.Code => "code",
            RiskFields.Description => "description",
            RiskFields.Classification => "classification",
            RiskFields.ImmediateCause => "immediateCause",
            RiskFields.RootCause => "rootCause",
            RiskFields.Consequences => "consequences",
            RiskFields.ActivityFrequency => "activityFrequency",
            RiskFields.YesAnswers => "yesAnswers",
            RiskFields.Treatment => "treatment",
            RiskFields.Elements => !draft.ActionOrOmission ? "actionOrOmission" : !draft.UseOfPower ? "useOfPower"
                : !draft.DeviationFromPublicInterest ? "deviation" : "privateBenefit",
            _ => "code",
        };

        private string Text(int row, string key)
        {
            if (!columns.TryGetValue(key, out var column))
            {
                return "";
            }
            var cell = Resolve(row, column.Index);
            return cell.DataType switch
            {
                XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
                _ => cell.GetString().Trim(),
            };
        }

        /// <summary>The cell that holds the value shown at (<paramref name="row"/>, <paramref name="column"/>): the
        /// first cell of its merged range, if it is merged.</summary>
        private IXLCell Resolve(int row, int column)
        {
            var cell = ws.Cell(row, column);
            return cell.IsMerged() ? cell.MergedRange().FirstCell() : cell;
        }

        /// <summary>A percentage as a number (0,6 or a cell formatted 60 %) or as text («60 %», «60», «0,6»).</summary>
        private static decimal? Percent(IXLCell cell)
        {
            if (cell.DataType == XLDataType.Number)
            {
                var value = (decimal)cell.GetDouble();
                return value <= 1 ? value * 100 : value;
            }
            var text = cell.GetString().Trim();
            var hasSign = text.EndsWith('%');
            if (!decimal.TryParse(text.TrimEnd('%').Trim(), NumberStyles.Number, SpanishFormat.Culture, out var parsed))
            {
                return null;
            }
            return hasSign || parsed > 1 ? parsed : parsed * 100;
        }

        private void Error(int row, string key, string message) => Add(row, key, RiskImportNoteKind.Error, message);

        private void Warning(int row, string key, string message) => Add(row, key, RiskImportNoteKind.Warning, message);

        private void Add(int row, string key, RiskImportNoteKind kind, string message)
        {
            var header = columns.TryGetValue(key, out var c) ? c.Header : Columns.First(x => x.Key == key).Headers[0];
            if (!notes.Any(n => n.Row == row && n.Column == header && n.Kind == kind))
            {
                notes.Add(new RiskImportNote(row, header, kind, char.ToUpper(message[0], SpanishFormat.Culture) + message[1..]));
            }
        }
    }
}
