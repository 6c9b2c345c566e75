using System.Text.RegularExpressions;

namespace Vigia.Core.Plans.Importing;

/// <summary>The numbering of the plan: "3" (component), "3.1" (subcomponent, or activity of a
/// component without subcomponents), "3.1.4" (activity).</summary>
internal static partial class PlanCode
{
    /// <summary>Reads "3.1.4" (also "3.1.4." or "03.1.4") into its canonical text and numbers.</summary>
    public static bool TryParse(string? text, out string code, out int[] segments)
    {
        code = "";
        segments = [];
        var trimmed = text?.Trim() ?? "";
        if (!CodePattern().IsMatch(trimmed))
        {
            return false;
        }

        var parsed = new List<int>();
        foreach (var part in trimmed.TrimEnd('.').Split('.'))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            parsed.Add(number);
        }

        segments = [.. parsed];
        code = string.Join('.', segments);
        return true;
    }

    /// <summary>Orders codes number by number: 1.2 &lt; 1.10 &lt; 2.</summary>
    public static int Compare(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = int.Parse(a[i], CultureInfo.InvariantCulture).CompareTo(int.Parse(b[i], CultureInfo.InvariantCulture));
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>A comparer for <see cref="Compare"/>.</summary>
    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    [GeneratedRegex(@"^\d{1,4}(\.\d{1,4})*\.?$")]
    private static partial Regex CodePattern();
}
