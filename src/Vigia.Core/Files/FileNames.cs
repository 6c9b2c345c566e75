using System.Text;

namespace Vigia.Core.Files;

/// <summary>Turns the name a browser sent into a display name. It is only ever shown and offered back on download,
/// never used to build a path: stored files get generated names.</summary>
internal static class FileNames
{
    public const int MaxLength = 150;
    private const int MaxExtensionLength = 16;

    /// <summary>The last path segment (old browsers send <c>C:\...\acta.pdf</c>) without control characters or
    /// characters Windows forbids in names, trimmed and at most <see cref="MaxLength"/> long; null when nothing usable
    /// is left (empty, <c>..</c>, a bare folder).</summary>
    public static string? Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var lastPart = name[(name.LastIndexOfAny(['/', '\\']) + 1)..].Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(lastPart.Length);
        foreach (var c in lastPart)
        {
            if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format && !"<>:\"|?*".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
        }
        var cleaned = builder.ToString().Trim().TrimEnd('.', ' ');
        return cleaned.Length == 0 ? null : Shorten(cleaned);
    }

    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }
        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength)
        {
            extension = "";
        }
        var keep = MaxLength - extension.Length;
        if (char.IsHighSurrogate(name[keep - 1]))
        {
            keep--;
        }
        return name[..keep].TrimEnd() + extension;
    }
}
