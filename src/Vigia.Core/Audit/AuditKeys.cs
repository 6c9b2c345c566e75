using System.Security.Cryptography;
using System.Text;

namespace Vigia.Core.Audit;

/// <summary>A secret that keys the chain's HMAC, named by <see cref="Id"/> (stored in each entry it signed).</summary>
public sealed record AuditKey(string Id, byte[] Secret);

/// <summary>
/// The keys of the audit chain's HMAC-SHA-256, read from a file kept outside the database (<c>Audit:KeyFile</c>,
/// default <c>data/audit-key</c>): whoever can write the database but not that file cannot recompute the chain
/// after altering or deleting an entry (issue 14). The file lists every key ever used, oldest first; the last one
/// signs new entries, the others still verify the entries they signed (rotation: append a line). It also records
/// the first sequence that had to be signed, so an entry from there on that is not signed (rewritten with the old
/// plain SHA-256) is a break, not a legacy entry.
/// </summary>
/// <remarks>Format, one item a line: <c>keyed-from N</c>, then <c>key ID BASE64</c> per key; <c>#</c> starts a comment.</remarks>
public sealed class AuditKeyRing
{
    public const string ConfigurationKey = "Audit:KeyFile";
    public const string DefaultPath = "data/audit-key";

    private readonly Dictionary<string, AuditKey> byId;

    public AuditKeyRing(long keyedFrom, IReadOnlyList<AuditKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("A key ring needs at least one key.", nameof(keys));
        }
        KeyedFrom = keyedFrom;
        Keys = keys;
        byId = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    /// <summary>The first sequence that had to be signed: entries before it were written with plain SHA-256.</summary>
    public long KeyedFrom { get; }

    public IReadOnlyList<AuditKey> Keys { get; }

    /// <summary>The key that signs new entries.</summary>
    public AuditKey Current => Keys[^1];

    public AuditKey? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Reads the key file; null when it does not exist.</summary>
    public static AuditKeyRing? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        long? keyedFrom = null;
        var keys = new List<AuditKey>();
        foreach (var raw in File.ReadAllLines(path, Encoding.UTF8))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["keyed-from", var from] && long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                keyedFrom = n;
            }
            else if (parts is ["key", var id, var secret])
            {
                keys.Add(new AuditKey(id, Convert.FromBase64String(secret)));
            }
            else
            {
                throw new InvalidDataException($"La línea «{line}» del archivo de claves de auditoría {path} no se entiende.");
            }
        }
        return keyedFrom is { } start && keys.Count > 0
            ? new AuditKeyRing(start, keys)
            : throw new InvalidDataException($"El archivo de claves de auditoría {path} no tiene «keyed-from» o no tiene ninguna clave.");
    }

    /// <summary>Reads the key file, or creates it with a fresh key when it does not exist (first run, or the first run
    /// after the upgrade to a keyed chain): entries from <paramref name="nextSequence"/> on must be signed.</summary>
    public static AuditKeyRing LoadOrCreate(string path, long nextSequence)
    {
        if (Load(path) is { } existing)
        {
            return existing;
        }
        var secret = RandomNumberGenerator.GetBytes(32);
        var key = new AuditKey(NewId(secret), secret);
        var ring = new AuditKeyRing(nextSequence, [key]);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            # Vigía: claves HMAC-SHA-256 del registro de auditoría. Guárdelo fuera de la base de datos y con copia
            # de seguridad: sin él, las entradas firmadas no se pueden verificar. Rotación: docs/security.md.
            keyed-from {nextSequence}
            key {key.Id} {Convert.ToBase64String(secret)}

            """);
        // Written whole under a temporary name, then renamed into place: a reader (another process starting at once, a
        // backup, a crash halfway) sees no key file or the whole of it, never part of one. Of two processes racing,
        // the first rename wins and the other reads its key.
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                file.Write(Encoding.UTF8.GetBytes(text));
                file.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                return Load(path)!;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
        return ring;
    }

    /// <summary>A new key line to append for rotation (the CLI prints it; the operator appends it).</summary>
    public static AuditKey NewKey()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        return new AuditKey(NewId(secret), secret);
    }

    // Derived from the secret so two keys never share an id, yet it reveals nothing usable about the secret.
    private static string NewId(byte[] secret) =>
        "k" + Convert.ToHexStringLower(SHA256.HashData([.. "vigia-audit-key-id"u8, .. secret]))[..12];
}

/// <summary>Holds the key ring for a process once the database is known (the web host and the CLI load it at
/// start-up, after migrating); until then, or in a host that never loads one, entries are written unkeyed.</summary>
public sealed class AuditKeys
{
    public AuditKeyRing? Ring { get; private set; }

    /// <summary>Loads (or creates) the key file at <paramref name="path"/> for the database of <paramref name="db"/>.</summary>
    public async Task<AuditKeyRing> LoadAsync(string path, AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (AuditKeyRing.Load(path) is not { } ring)
        {
            if (await db.AuditEntries.AnyAsync(e => e.KeyId != null, ct))
            {
                // A fresh key would leave every signed entry unverifiable: the operator must restore the file.
                throw new InvalidOperationException(
                    $"Falta el archivo de claves del registro de auditoría ({path}) y el registro tiene entradas firmadas: restáurelo de la copia de seguridad.");
            }
            var last = await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
            ring = AuditKeyRing.LoadOrCreate(path, last + 1);
        }
        Ring = ring;
        return Ring;
    }

    /// <summary>The key file's path from <c>Audit:KeyFile</c>, relative to <paramref name="baseDirectory"/>.</summary>
    public static string PathFrom(Microsoft.Extensions.Configuration.IConfiguration configuration, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Path.GetFullPath(configuration[AuditKeyRing.ConfigurationKey] is { Length: > 0 } configured ? configured : AuditKeyRing.DefaultPath,
            baseDirectory);
    }
}
