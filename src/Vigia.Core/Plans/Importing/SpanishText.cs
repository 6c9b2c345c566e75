using System.Text;

namespace Vigia.Core.Plans.Importing;

/// <summary>Text helpers for Spanish documents: accent-insensitive comparison keys, whitespace
/// clean-up and the presentation of names written in capitals.</summary>
internal static class SpanishText
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "del", "la", "las", "los", "el", "y", "e", "o", "u", "a", "al", "en", "para", "por", "con",
    };

    /// <summary>Capitalised words that lose their accent when a document is written in capitals.
    /// Keyed by the folded form (no accents, upper case).</summary>
    private static readonly Dictionary<string, string> AccentedWords = new(StringComparer.Ordinal)
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

    /// <summary>Comparison key: accents removed, upper case, single spaces.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return CollapseWhitespace(builder.ToString().Normalize(NormalizationForm.FormC)).ToUpperInvariant();
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
                words[i] = accented;
            }
            else
            {
                words[i] = CapitalizeFirst(lower);
            }
        }

        return string.Join(' ', words);
    }
}
