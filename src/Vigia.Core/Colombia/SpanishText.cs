using System.Text;

namespace Vigia.Core.Colombia;

/// <summary>Spanish text as people write it: accent- and case-insensitive comparison keys, URL slugs, the order
/// of names, white-space clean-up and the presentation of names written in capitals.</summary>
public static class SpanishText
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "del", "la", "las", "los", "el", "y", "e", "o", "u", "a", "al", "en", "para", "por", "con",
    };

    /// <summary>Capitalised words that lose their accent when a document is written in capitals.
    /// Keyed by the folded form, compared ignoring case.</summary>
    private static readonly Dictionary<string, string> AccentedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ALCALDIA"] = "Alcaldía",
        ["GOBERNACION"] = "Gobernación",
        ["SECRETARIA"] = "Secretaría",
        ["CONTRALORIA"] = "Contraloría",
        ["PERSONERIA"] = "Personería",
        ["PROCURADURIA"] = "Procuraduría",
        ["REGISTRADURIA"] = "Registraduría",
        ["DEFENSORIA"] = "Defensoría",
        ["VEEDURIA"] = "Veeduría",
        ["POLICIA"] = "Policía",
        ["NACION"] = "Nación",
        ["REPUBLICA"] = "República",
        ["ADMINISTRACION"] = "Administración",
        ["DIRECCION"] = "Dirección",
        ["SUBDIRECCION"] = "Subdirección",
        ["INFORMACION"] = "Información",
        ["COMUNICACION"] = "Comunicación",
        ["TECNOLOGIA"] = "Tecnología",
        ["TECNOLOGIAS"] = "Tecnologías",
        ["EDUCACION"] = "Educación",
        ["PLANEACION"] = "Planeación",
        ["INNOVACION"] = "Innovación",
        ["GESTION"] = "Gestión",
        ["FUNCION"] = "Función",
        ["PARTICIPACION"] = "Participación",
        ["CORPORACION"] = "Corporación",
        ["INSTITUCION"] = "Institución",
        ["PUBLICA"] = "Pública",
        ["PUBLICO"] = "Público",
        ["PUBLICOS"] = "Públicos",
        ["PUBLICAS"] = "Públicas",
        ["AUTONOMA"] = "Autónoma",
        ["ECONOMICO"] = "Económico",
        ["TURISTICO"] = "Turístico",
        ["HISTORICO"] = "Histórico",
        ["ENERGIA"] = "Energía",
        ["INDIGENA"] = "Indígena",
        ["BOGOTA"] = "Bogotá",
        ["MEDELLIN"] = "Medellín",
        ["BOLIVAR"] = "Bolívar",
        ["CORDOBA"] = "Córdoba",
        ["BOYACA"] = "Boyacá",
        ["CAQUETA"] = "Caquetá",
        ["CHOCO"] = "Chocó",
        ["QUINDIO"] = "Quindío",
        ["GUAINIA"] = "Guainía",
        ["VAUPES"] = "Vaupés",
        ["ATLANTICO"] = "Atlántico",
        ["POPAYAN"] = "Popayán",
        ["CUCUTA"] = "Cúcuta",
        ["IBAGUE"] = "Ibagué",
        ["MONTERIA"] = "Montería",
        ["TULUA"] = "Tuluá",
        ["JAMUNDI"] = "Jamundí",
        ["ITAGUI"] = "Itagüí",
        ["QUIBDO"] = "Quibdó",
        ["ZIPAQUIRA"] = "Zipaquirá",
        ["FACATATIVA"] = "Facatativá",
        ["FUSAGASUGA"] = "Fusagasugá",
        ["ANDRES"] = "Andrés",
    };

    /// <summary>Names sorted the way people expect in Spanish ("Ñandú" after "Nube", "Árbol" with the a's), ignoring case.</summary>
    public static StringComparer NameOrder { get; } = StringComparer.Create(SpanishFormat.Culture, ignoreCase: true);

    /// <summary>The comparison key of a Spanish text: accents removed, lower case, every run of white space one space,
    /// no final full stop; "" for nothing. "Subdirección de Gestión Organizacional." and
    /// "SUBDIRECCION DE GESTION  ORGANIZACIONAL" share the key "subdireccion de gestion organizacional". Units keep
    /// this key in the database, so it must not change. Compare keys with <see cref="StringComparison.Ordinal"/>,
    /// or with <see cref="StringComparison.OrdinalIgnoreCase"/> against words written in capitals.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Trim().TrimEnd('.').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return CollapseWhitespace(builder.ToString().Normalize(NormalizationForm.FormC)).ToLowerInvariant();
    }

    /// <summary>The URL slug of a name: its <see cref="Fold"/> key with every run of other characters turned into one
    /// hyphen ("Alcaldía de Santiago de Cali" → "alcaldia-de-santiago-de-cali").</summary>
    public static string Slug(string text)
    {
        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    /// <summary>Trims and turns every run of white space (including non-breaking spaces and line
    /// breaks) into one space.</summary>
    public static string CollapseWhitespace(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A list as Spanish writes it: "a", "a y b", "a, b y c".</summary>
    public static string JoinWithY(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count <= 1 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} y {items[^1]}";
    }

    /// <summary>Upper-cases the first letter, leaving the rest as written.</summary>
    public static string CapitalizeFirst(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>Presents a name written entirely in capitals ("ALCALDIA DE SANTIAGO DE CALI") in
    /// title case with Spanish particles in lower case and common accents restored
    /// ("Alcaldía de Santiago de Cali"). A name that already has lower-case letters is kept as written.</summary>
    public static string NameCase(string text)
    {
        var clean = CollapseWhitespace(text);
        if (clean.Any(char.IsLower))
        {
            return clean;
        }

        var words = clean.Split(' ');
        var depth = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var keepAsWritten = depth > 0 || word.StartsWith('(') || word.Any(char.IsDigit)
                || (word.Length > 1 && word.TrimEnd('.').Contains('.', StringComparison.Ordinal));
            depth += word.Count(c => c == '(') - word.Count(c => c == ')');
            if (keepAsWritten)
            {
                continue;
            }

            var lower = word.ToLowerInvariant();
            if (i > 0 && Particles.Contains(lower))
            {
                words[i] = lower;
            }
            else if (AccentedWords.TryGetValue(Fold(word), out var accented))
            {
                // The key has no final full stop; the name keeps it ("BOGOTA." → "Bogotá.").
                words[i] = accented + word[word.TrimEnd('.').Length..];
            }
            else
            {
                words[i] = CapitalizeFirst(lower);
            }
        }

        return string.Join(' ', words);
    }
}
