using System.Text.RegularExpressions;

namespace Vigia.Core.Plans.Importing;

/// <summary>What the top of a plan document says before its table.</summary>
internal sealed class PlanHeader
{
    public string? EntityName { get; set; }
    public int? Year { get; set; }
    public string? Title { get; set; }
    public string? DocumentCode { get; set; }
    public string? Objective { get; set; }
    public string? Scope { get; set; }
    public string? ResponsiblePerson { get; set; }
    public string? CoordinatingUnit { get; set; }
    public List<string> ParticipatingUnits { get; } = [];
}

/// <summary>Reads the metadata above the table. The first line names the entity; labelled lines
/// ("VIGENCIA: 2022", "OBJETIVO: …") give the rest; a label with nothing after its colon takes the
/// next line ("NOMBRE Y CARGO DEL RESPONSABLE DEL PLAN:", "ORGANISMO COORDINADOR…:") or, for
/// ORGANISMOS PARTICIPANTES, every line up to the next label. A line that looks like a form code
/// (REDE01.05.02.P025.F014) is the document code. Every other line is noted as not imported.</summary>
internal static partial class PlanHeaderReader
{
    private const string PaacTitle = "Plan Anticorrupción y de Atención al Ciudadano";
    private const string PtepTitle = "Programa de Transparencia y Ética Pública";

    private enum Field
    {
        None,
        Entity,
        Year,
        Title,
        Code,
        Objective,
        Scope,
        Person,
        Coordinator,
        Participants,
    }

    public static PlanHeader Read(IReadOnlyList<SourceRow> rows, ImportNoteLog log)
    {
        var header = new PlanHeader();
        string? standaloneTitle = null;
        var firstLine = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank)
            {
                continue;
            }

            var text = SpanishText.CollapseWhitespace(row.Text);
            if (TryLabel(text, out var label, out var value))
            {
                var field = FieldOf(label);
                firstLine = false;
                switch (field)
                {
                    case Field.None:
                        log.Skipped(row.Line, $"dato del encabezado «{text}» no importado");
                        break;
                    case Field.Participants:
                        if (value.Length > 0)
                        {
                            header.ParticipatingUnits.Add(value);
                        }

                        while (i + 1 < rows.Count && (rows[i + 1].IsBlank || !TryLabel(SpanishText.CollapseWhitespace(rows[i + 1].Text), out _, out _)))
                        {
                            i++;
                            if (!rows[i].IsBlank)
                            {
                                header.ParticipatingUnits.Add(SpanishText.CollapseWhitespace(rows[i].Text));
                            }
                        }

                        break;
                    case Field.Objective or Field.Scope:
                        // A paragraph: the rest of the line and the lines that follow it up to a blank line.
                        var paragraph = new List<string>();
                        if (value.Length > 0)
                        {
                            paragraph.Add(value);
                        }

                        while (i + 1 < rows.Count && (paragraph.Count == 0 || !rows[i + 1].IsBlank)
                               && !TryLabel(SpanishText.CollapseWhitespace(rows[i + 1].Text), out _, out _))
                        {
                            i++;
                            if (!rows[i].IsBlank)
                            {
                                paragraph.Add(SpanishText.CollapseWhitespace(rows[i].Text));
                            }
                        }

                        Assign(header, field, string.Join(' ', paragraph), row.Line, log);
                        break;
                    default:
                        if (value.Length == 0)
                        {
                            // The value is on the next non-blank line, unless that line is another label.
                            var next = i + 1;
                            while (next < rows.Count && rows[next].IsBlank)
                            {
                                next++;
                            }

                            if (next < rows.Count && !TryLabel(SpanishText.CollapseWhitespace(rows[next].Text), out _, out _))
                            {
                                value = SpanishText.CollapseWhitespace(rows[next].Text);
                                i = next;
                            }
                        }

                        Assign(header, field, value, row.Line, log);
                        break;
                }

                continue;
            }

            if (firstLine)
            {
                header.EntityName = SpanishText.NameCase(text);
                firstLine = false;
            }
            else if (header.DocumentCode is null && DocumentCodePattern().IsMatch(text))
            {
                header.DocumentCode = text;
            }
            else if (standaloneTitle is null && IsPlanTitle(text))
            {
                standaloneTitle = text;
            }
            else
            {
                log.Skipped(row.Line, $"texto del encabezado «{Shorten(text)}» no importado");
            }
        }

        header.Title = CanonicalTitle(header.Title) ?? CanonicalTitle(standaloneTitle);
        return header;
    }

    private static void Assign(PlanHeader header, Field field, string value, int line, ImportNoteLog log)
    {
        if (value.Length == 0)
        {
            log.Warning(line, "el dato del encabezado no tiene valor");
            return;
        }

        switch (field)
        {
            case Field.Entity:
                header.EntityName = SpanishText.NameCase(value);
                break;
            case Field.Year:
                var year = YearPattern().Match(value);
                if (year.Success)
                {
                    header.Year = int.Parse(year.Value, System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    log.Warning(line, $"la vigencia «{value}» no es un año");
                }

                break;
            case Field.Title:
                header.Title = value;
                break;
            case Field.Code:
                header.DocumentCode = value;
                break;
            case Field.Objective:
                header.Objective = value;
                break;
            case Field.Scope:
                header.Scope = value;
                break;
            case Field.Person:
                header.ResponsiblePerson = value;
                break;
            case Field.Coordinator:
                header.CoordinatingUnit = value;
                break;
            default:
                break;
        }
    }

    /// <summary>"LABEL: value" where the label is written in capitals.</summary>
    private static bool TryLabel(string text, out string label, out string value)
    {
        var match = LabelPattern().Match(text);
        label = match.Success ? SpanishText.Fold(match.Groups["label"].Value) : "";
        value = match.Success ? match.Groups["value"].Value.Trim() : "";
        return match.Success;
    }

    private static Field FieldOf(string label) => label switch
    {
        _ when label.StartsWith("ENTIDAD", StringComparison.OrdinalIgnoreCase) => Field.Entity,
        _ when label.StartsWith("VIGENCIA", StringComparison.OrdinalIgnoreCase) => Field.Year,
        _ when IsAny(label, "PRODUCTO", "NOMBRE DEL PLAN", "TITULO") => Field.Title,
        _ when label.StartsWith("CODIGO", StringComparison.OrdinalIgnoreCase) => Field.Code,
        _ when label.StartsWith("OBJETIVO", StringComparison.OrdinalIgnoreCase) => Field.Objective,
        _ when label.StartsWith("ALCANCE", StringComparison.OrdinalIgnoreCase) => Field.Scope,
        _ when label.Contains("RESPONSABLE DEL PLAN", StringComparison.OrdinalIgnoreCase) => Field.Person,
        _ when label.Contains("PARTICIPANTES", StringComparison.OrdinalIgnoreCase) => Field.Participants,
        _ when label.Contains("COORDINADOR", StringComparison.OrdinalIgnoreCase) => Field.Coordinator,
        _ => Field.None,
    };

    private static bool IsAny(string label, params string[] names) => names.Any(n => label.Equals(n, StringComparison.OrdinalIgnoreCase));

    private static bool IsPlanTitle(string text)
    {
        var key = SpanishText.Fold(text);
        return key.StartsWith("PLAN ", StringComparison.OrdinalIgnoreCase) || key.StartsWith("PROGRAMA ", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The usual name of the plan when the document spells it without accents or with a
    /// typo ("PLAN ANTICORRUPTION Y DE ATENCION AL CIUDADANO"); otherwise the title as written.</summary>
    private static string? CanonicalTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var key = SpanishText.Fold(title);
        if (key.Contains("ANTICORRUP", StringComparison.OrdinalIgnoreCase) && key.Contains("ATENCION AL CIUDADANO", StringComparison.OrdinalIgnoreCase))
        {
            return PaacTitle;
        }

        if (key.Contains("TRANSPARENCIA", StringComparison.OrdinalIgnoreCase) && key.Contains("ETICA PUBLICA", StringComparison.OrdinalIgnoreCase))
        {
            return PtepTitle;
        }

        return title.Any(char.IsLower) ? title : SpanishText.CapitalizeFirst(title.ToLowerInvariant());
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    [GeneratedRegex(@"^(?<label>[^:a-záéíóúñü]{3,90}?)\s*:\s*(?<value>.*)$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^(?=.*\d)(?=.*[A-Z])[A-Z0-9]+(?:[.\-][A-Z0-9]+){2,}$")]
    private static partial Regex DocumentCodePattern();

    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex YearPattern();
}
