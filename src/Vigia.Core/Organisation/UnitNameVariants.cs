namespace Vigia.Core.Organisation;

/// <summary>When two spellings name one unit. Plans write the same office in slightly different ways
/// («… de Control Interno» and «… de Control Interno DACI»; «Tecnologías de Información» and «Tecnologías de la
/// Información»); the importer merges such variants so the catalogue keeps one unit, and says so in the report.</summary>
/// <remarks>Two names are variants when their <see cref="Key"/>s are equal: the folded name (<see cref="SpanishText.Fold"/>)
/// without its articles, prepositions and conjunctions, and without a trailing acronym made of the initials of the
/// name's own words. Every other word must match in the same order, so two offices that only share words
/// («Oficina de Comunicaciones», «Oficina Asesora de Comunicaciones») stay two units, and an acronym that is not the
/// name's own («Oficina TIC») is part of the name.</remarks>
public static class UnitNameVariants
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "de", "del", "la", "las", "el", "los", "y", "e", "o", "u", "a", "al", "en", "para", "por", "con",
    };

    public static string Key(string? name)
    {
        var words = SpanishText.Fold(name).Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries).ToList();
        var significant = words.Where(w => !Connectors.Contains(w)).ToList();
        if (significant.Count >= 3)
        {
            var last = significant[^1];
            var initials = string.Concat(significant.Take(significant.Count - 1).Select(w => w[0]));
            if (last.Length >= 2 && string.Equals(last, initials, StringComparison.Ordinal))
            {
                significant.RemoveAt(significant.Count - 1);
            }
        }
        return string.Join(' ', significant);
    }

    public static bool AreVariants(string? a, string? b)
    {
        var key = Key(a);
        return key.Length > 0 && string.Equals(key, Key(b), StringComparison.Ordinal);
    }
}
