using System.Text;
using System.Text.RegularExpressions;

namespace Vigia.Core.Plans.Importing;

/// <summary>Splits a RESPONSABLES cell into unit paths (top unit first).</summary>
/// <remarks>
/// The rule, drawn from every RESPONSABLES cell of the Cali 2022 seed and its list of participating units:
/// <list type="number">
/// <item>Items are separated by line breaks, ";", " - " (spaced hyphen or dash, unless what follows is
/// an acronym such as "- DAGMA"), and a ". " that ends one unit and starts another
/// ("…Participación Ciudadana. Departamento Administrativo…").</item>
/// <item>"Parent (Child A - Child B)" gives one path per child: [Parent, Child A], [Parent, Child B].
/// A parenthesis holding only an acronym ("(DAGMA)") is part of the name.</item>
/// <item>"/" separates a parent from its sub-unit only when the part after it names a subordinate kind
/// of unit (Subdirección, Subsecretaría, Subgerencia, Grupo, Área, Equipo, Coordinación, Sección,
/// División, Unidad de Apoyo): "Departamento Administrativo de Desarrollo e Innovación Institucional /
/// Subdirección de Gestión Organizacional" is one path of two. Otherwise "/" separates peers:
/// "Oficina Asesora de Transparencia/ Oficina de Comunicaciones" is two paths (in Cali those offices
/// belong to the Secretaría de Gobierno, not to the unit written before them).</item>
/// <item>" y " separates two units only when the text before it starts with a kind of unit
/// (Secretaría, Departamento, Subdirección, Oficina, …) and the text after it starts with a kind of
/// unit or a collective ("organismos", "todos", "dependencias", …). So "Secretaría de Desarrollo
/// Territorial y Participación Ciudadana", "Subdirección de Trámites, Servicios y Gestión Documental"
/// and "Todos los organismos y Unidades Administrativas Especiales" stay whole, while
/// "…Gestión Documental y Secretaría de Desarrollo Territorial…" and "…Gestión Documental y todos
/// los organismos" split. A subordinate unit after " y " becomes a sibling under the same parent.
/// Commas never split (unit names contain them), nor does the "/" of "y/o".</item>
/// <item>Each unit is trimmed of spaces and trailing ". , ; / -", and its first letter capitalised.</item>
/// </list>
/// Generic values ("Todos los procesos de la entidad", "Líderes de cada componente del PAAC") are
/// kept as a path of one; the caller decides how to map them to units.
/// </remarks>
public static partial class ResponsibleUnitSplitter
{
    private static readonly string[] SubordinateKinds =
        ["SUBDIRECCION", "SUBSECRETARIA", "SUBGERENCIA", "GRUPO", "AREA", "EQUIPO", "COORDINACION", "SECCION", "DIVISION", "UNIDAD DE APOYO"];

    private static readonly string[] UnitKinds =
    [
        "ALCALDIA", "GOBERNACION", "SECRETARIA", "SUBSECRETARIA", "DEPARTAMENTO", "DIRECCION", "SUBDIRECCION",
        "OFICINA", "UNIDAD", "GRUPO", "AREA", "EQUIPO", "DESPACHO", "GERENCIA", "SUBGERENCIA", "COORDINACION",
        "DIVISION", "SECCION", "INSTITUTO", "EMPRESA", "PERSONERIA", "CONTRALORIA", "CONCEJO", "CONSEJO", "COMITE",
        "VEEDURIA", "FONDO", "AGENCIA", "CORPORACION", "SUPERINTENDENCIA", "MINISTERIO",
    ];

    private static readonly string[] Collectives =
        ["TODOS", "TODAS", "ORGANISMOS", "DEPENDENCIAS", "PROCESOS", "ENTIDADES", "LIDERES", "DEMAS", "AREAS", "OFICINAS", "SECRETARIAS", "UNIDADES"];

    /// <summary>The unit paths named by <paramref name="text"/>, in order, without repeats.</summary>
    public static IReadOnlyList<ParsedUnitPath> Split(string? text)
    {
        var paths = new List<List<string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        foreach (var chunk in SplitOutsideParentheses(text, ChunkSeparator()))
        {
            foreach (var item in SplitOutsideParentheses(chunk, HyphenSeparator()))
            {
                AddItem(item, paths);
            }
        }

        var result = new List<ParsedUnitPath>();
        foreach (var path in paths.Where(p => p.Count > 0))
        {
            if (!result.Any(r => r.Path.SequenceEqual(path, StringComparer.OrdinalIgnoreCase)))
            {
                result.Add(new ParsedUnitPath(path));
            }
        }

        return result;
    }

    private static void AddItem(string item, List<List<string>> paths)
    {
        var parenthesis = ParentWithChildren().Match(item.Trim());
        if (parenthesis.Success && !IsAcronym(parenthesis.Groups["inner"].Value))
        {
            var parent = Clean(parenthesis.Groups["parent"].Value);
            foreach (var child in InnerSeparator().Split(parenthesis.Groups["inner"].Value).SelectMany(SplitOnConjunction).Select(Clean))
            {
                if (child.Length > 0)
                {
                    paths.Add(parent.Length > 0 ? [parent, child] : [child]);
                }
            }

            return;
        }

        List<string>? current = null;
        foreach (var part in SlashSeparator().Split(item))
        {
            var pieces = SplitOnConjunction(part).Select(Clean).Where(p => p.Length > 0).ToList();
            for (var i = 0; i < pieces.Count; i++)
            {
                var piece = pieces[i];
                if (i == 0 && current is not null && IsSubordinate(piece))
                {
                    current.Add(piece);
                    continue;
                }

                current = i > 0 && current is { Count: >= 2 } && IsSubordinate(piece)
                    ? [.. current[..^1], piece]
                    : [piece];
                paths.Add(current);
            }
        }
    }

    /// <summary>Splits at " y " where a unit ends and another (or a collective) begins.</summary>
    private static IEnumerable<string> SplitOnConjunction(string text)
    {
        var start = 0;
        foreach (Match match in Conjunction().Matches(text))
        {
            var left = text[start..match.Index];
            var right = text[(match.Index + match.Length)..];
            if (StartsWithAny(left, UnitKinds) && (StartsWithAny(right, UnitKinds) || StartsWithAny(right, Collectives)))
            {
                yield return left;
                start = match.Index + match.Length;
            }
        }

        yield return text[start..];
    }

    private static IEnumerable<string> SplitOutsideParentheses(string text, Regex separator)
    {
        var depth = 0;
        var start = 0;
        var parts = new List<string>();
        var masked = new StringBuilder(text);
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth > 0 && text[i] != '(')
            {
                masked[i] = '\u0001';
            }
        }

        foreach (Match match in separator.Matches(masked.ToString()))
        {
            parts.Add(text[start..match.Index]);
            start = match.Index + match.Length;
        }

        parts.Add(text[start..]);
        return parts.Where(p => !string.IsNullOrWhiteSpace(p));
    }

    private static bool IsSubordinate(string unit) => StartsWithAny(unit, SubordinateKinds);

    private static bool StartsWithAny(string text, string[] words)
    {
        var key = SpanishText.Fold(text);
        return words.Any(w => key.StartsWith(w + " ", StringComparison.OrdinalIgnoreCase) || key.Equals(w, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsAcronym(string text) => AcronymPattern().IsMatch(text.Trim());

    private static string Clean(string unit)
    {
        var clean = SpanishText.CollapseWhitespace(unit).TrimEnd('.', ',', ';', '/', '-', '–', ' ').TrimStart('-', '–', '/', ',', ';', ' ');
        return SpanishText.CapitalizeFirst(clean);
    }

    /// <summary>Line breaks, ";", and ". " followed by the name of a unit.</summary>
    [GeneratedRegex(@"\s*[\r\n;]+\s*|\.\s+(?=(?:Alcald|Gobernaci|Secretar|Subsecretar|Departamento|Direcci|Subdirecci|Oficina|Unidad|Grupo|Área|Area|Despacho|Gerencia|Todos|Todas|Organismos|Dependencias))")]
    private static partial Regex ChunkSeparator();

    /// <summary>A spaced hyphen or dash not followed by an acronym.</summary>
    [GeneratedRegex(@"\s+[-–]\s+(?![A-ZÁÉÍÓÚÑ.]{2,12}\s*(?:$|[,;(]))")]
    private static partial Regex HyphenSeparator();

    [GeneratedRegex(@"\s+[-–]\s+|\s*;\s*|(?<!\by)\s*/\s*(?!o\b)")]
    private static partial Regex InnerSeparator();

    /// <summary>A "/" that is not part of "y/o".</summary>
    [GeneratedRegex(@"(?<!\by)/(?!o\b)")]
    private static partial Regex SlashSeparator();

    [GeneratedRegex(@"\s+y\s+")]
    private static partial Regex Conjunction();

    [GeneratedRegex(@"^(?<parent>[^()]*)\((?<inner>[^()]*)\)\s*[.;]?$")]
    private static partial Regex ParentWithChildren();

    [GeneratedRegex(@"^[A-ZÁÉÍÓÚÑ.\s]{2,12}$")]
    private static partial Regex AcronymPattern();
}
