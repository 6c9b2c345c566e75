namespace Vigia.Core.Plans.Importing;

/// <summary>Reads quantities written the Colombian way: "5.000" is five thousand, "1.234,5" is
/// one thousand two hundred thirty-four and a half, "100%" is a percentage.</summary>
/// <remarks>
/// Rules, in order: white space is ignored; a leading or trailing "%" makes a percentage; when both
/// "." and "," appear the last one is the decimal separator and the other groups thousands; a
/// single "," is a decimal comma; dots followed by groups of exactly three digits group thousands
/// ("5.000", "1.000.000"); any other single dot is a decimal point ("0.5", as spreadsheets export).
/// </remarks>
public static class SpanishNumber
{
    /// <summary>Parses <paramref name="text"/>; false when it is empty or not a number.</summary>
    public static bool TryParse(string? text, out decimal value, out TargetUnit unit)
    {
        value = 0;
        unit = TargetUnit.Count;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0').ToArray());
        if (s.EndsWith('%') || s.StartsWith('%'))
        {
            unit = TargetUnit.Percentage;
            s = s.Trim('%');
        }

        var sign = "";
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            sign = s[..1];
            s = s[1..];
        }

        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c == '.' || c == ',') || !s.Any(char.IsAsciiDigit))
        {
            return false;
        }

        var normalized = Normalize(s);
        return normalized is not null
            && decimal.TryParse(sign + normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a number without a unit; false when it is empty, not a number or a percentage.</summary>
    public static bool TryParse(string? text, out decimal value) =>
        TryParse(text, out value, out var unit) && unit == TargetUnit.Count;

    /// <summary>Returns the digits with at most one "." as decimal point, or null when the separators
    /// are inconsistent.</summary>
    private static string? Normalize(string s)
    {
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0)
        {
            var decimalSeparator = lastDot > lastComma ? '.' : ',';
            var groupSeparator = decimalSeparator == '.' ? ',' : '.';
            var decimalIndex = Math.Max(lastDot, lastComma);
            var integerPart = s[..decimalIndex];
            if (integerPart.Contains(decimalSeparator, StringComparison.Ordinal) || !IsGrouped(integerPart, groupSeparator))
            {
                return null;
            }

            return integerPart.Replace(groupSeparator.ToString(), "", StringComparison.Ordinal) + "." + s[(decimalIndex + 1)..];
        }

        if (lastComma >= 0)
        {
            var commas = s.Count(c => c == ',');
            return commas == 1 ? s.Replace(',', '.')
                : IsGrouped(s, ',') ? s.Replace(",", "", StringComparison.Ordinal) : null;
        }

        if (lastDot >= 0)
        {
            if (IsGrouped(s, '.'))
            {
                return s.Replace(".", "", StringComparison.Ordinal);
            }

            return s.Count(c => c == '.') == 1 ? s : null;
        }

        return s;
    }

    /// <summary>True when <paramref name="s"/> is 1–3 digits followed by one or more groups of
    /// exactly three digits, each introduced by <paramref name="separator"/>; or has no separator.</summary>
    private static bool IsGrouped(string s, char separator)
    {
        var groups = s.Split(separator);
        if (groups.Length == 1)
        {
            return groups[0].Length > 0;
        }

        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }
}
