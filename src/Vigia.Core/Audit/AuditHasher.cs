using System.Security.Cryptography;
using System.Text;

namespace Vigia.Core.Audit;

/// <summary>The hash of an entry: SHA-256 over a canonical serialisation of its content and the previous
/// entry's hash. Each field is written as its UTF-8 byte length, a colon and its bytes (a null as "~"),
/// so no choice of values can make two different entries serialise alike, and nothing depends on the
/// culture, a JSON encoder's escaping rules or the database's formatting.</summary>
public static class AuditHasher
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private const string Version = "vigia-audit-v1";
    private const string KeyedVersion = "vigia-audit-v2";
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>UTC, truncated to whole microseconds: PostgreSQL keeps microseconds and SQLite keeps the
    /// text EF Core writes, so a value read back from either is the value that was hashed.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.UtcTicks;
        return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
    }

    /// <summary>The canonical text of the timestamp, as hashed and as exported.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        Normalize(value).UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>Scheme v1, plain SHA-256: entries written before the chain was keyed (their <c>KeyId</c> is null).</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry, Version))));
    }

    /// <summary>Scheme v2, HMAC-SHA-256 with <paramref name="key"/> over the same fields, the key's id and the version
    /// tag: without the key nobody can produce it, so a rewritten chain no longer verifies.</summary>
    public static string ComputeHash(AuditEntry entry, AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder(Canonical(entry, KeyedVersion));
        Append(text, key.Id);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Secret, Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Canonical(AuditEntry entry, string version)
    {
        var text = new StringBuilder(256 + entry.Changes.Length);
        Append(text, version);
        Append(text, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(text, FormatTimestamp(entry.OccurredAt));
        Append(text, entry.UserId);
        Append(text, entry.ActorName);
        Append(text, entry.EntityType);
        Append(text, entry.EntityId);
        Append(text, entry.Action.ToString());
        Append(text, entry.Changes);
        Append(text, entry.Reason);
        Append(text, entry.PreviousHash);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("~;");
            return;
        }
        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
