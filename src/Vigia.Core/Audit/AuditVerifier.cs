namespace Vigia.Core.Audit;

public enum AuditBreakKind
{
    /// <summary>The entry's content no longer matches its hash.</summary>
    Altered = 1,
    /// <summary>A sequence number is missing: the entry was deleted.</summary>
    Missing = 2,
    /// <summary>The entry does not belong where it is: inserted later, moved or renumbered.</summary>
    OutOfOrder = 3,
    /// <summary>The entry is intact but does not follow from the previous one: the previous entry was
    /// rewritten with a new hash, or this one was written for another chain.</summary>
    ChainBroken = 4,
    /// <summary>From the sequence the chain was keyed on, an entry without a valid HMAC: rewritten by someone
    /// without the key (with plain SHA-256, or with a key id that is not in the key file).</summary>
    NotSigned = 5,
    /// <summary>The checkpoint given is no longer in the trail: entries were deleted from the end, or rewritten.</summary>
    CheckpointLost = 6,
}

/// <summary>A published head of the chain, <c>SEQ:HASH</c>: whoever kept one can later prove that the trail still
/// holds that entry with that hash (no truncation, no rewrite up to it).</summary>
public readonly record struct AuditCheckpoint(long Sequence, string Hash)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sequence}:{Hash}");

    public static bool TryParse(string? text, out AuditCheckpoint checkpoint)
    {
        checkpoint = default;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
            || parts[1].Length != 64 || !parts[1].All(char.IsAsciiHexDigitLower))
        {
            return false;
        }
        checkpoint = new AuditCheckpoint(sequence, parts[1]);
        return true;
    }

    /// <summary>The last entry of the trail as a checkpoint; null for an empty trail.</summary>
    public static async Task<AuditCheckpoint?> CurrentAsync(AppDbContext db, DateTimeOffset? before = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.AuditEntries.AsNoTracking();
        if (before is { } limit)
        {
            query = query.Where(e => e.OccurredAt < limit);
        }
        var head = await query.OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return head is null ? null : new AuditCheckpoint(head.Sequence, head.Hash);
    }
}

/// <summary>The first place the chain breaks. <see cref="EntryId"/> is null for a deleted entry.</summary>
public sealed record AuditBreak(long Sequence, long? EntryId, AuditBreakKind Kind, string Message);

/// <summary>Outcome of checking the whole chain. <see cref="LastSequence"/> and <see cref="LastHash"/> are the
/// head as far as it was read: kept outside the database (a report, a log), they also reveal entries deleted
/// from the end, which a chain alone cannot.</summary>
public sealed record AuditVerification(bool Ok, long Count, AuditBreak? FirstBreak, long LastSequence, string LastHash);

/// <summary>Checks the whole audit chain in sequence order, in batches, and names the first entry that was
/// altered, deleted or inserted out of order.</summary>
public static class AuditVerifier
{
    public const int DefaultBatchSize = 1000;

    public static Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken ct = default) =>
        VerifyAsync(db, DefaultBatchSize, ct);

    public static Task<AuditVerification> VerifyAsync(AppDbContext db, int batchSize, CancellationToken ct = default) =>
        VerifyAsync(db, null, null, batchSize, ct);

    /// <summary>Checks the chain with <paramref name="keys"/> (signed entries, and no unsigned entry from the
    /// sequence the chain was keyed on) and, when given, that it still holds <paramref name="checkpoint"/>.</summary>
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, AuditKeyRing? keys, AuditCheckpoint? checkpoint = null,
        int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        var result = await VerifyChainAsync(db, keys, batchSize, ct);
        if (!result.Ok || checkpoint is not { } expected)
        {
            return result;
        }
        var held = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == expected.Sequence).Select(e => e.Hash).ToListAsync(ct);
        return held is [var hash] && hash == expected.Hash
            ? result
            : result with
            {
                Ok = false,
                FirstBreak = new AuditBreak(expected.Sequence, null, AuditBreakKind.CheckpointLost, held.Count == 0
                    ? $"El registro ya no tiene la entrada {expected.Sequence} del punto de control {expected}: se eliminaron entradas del final."
                    : $"La entrada {expected.Sequence} ya no tiene la huella del punto de control {expected}: el registro fue reescrito."),
            };
    }

    private static async Task<AuditVerification> VerifyChainAsync(AppDbContext db, AuditKeyRing? keys, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var previous = new Link(0, 0, AuditHasher.GenesisHash);
        long count = 0;
        while (true)
        {
            // Keyset paging on (Sequence, Id) reads each row once even if sequences were duplicated.
            var (lastSequence, lastId) = (previous.Sequence, previous.Id);
            var batch = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Sequence > lastSequence || (e.Sequence == lastSequence && e.Id > lastId))
                .OrderBy(e => e.Sequence).ThenBy(e => e.Id)
                .Take(batchSize)
                .ToListAsync(ct);
            foreach (var entry in batch)
            {
                if (Check(entry, previous, keys) is { } broken)
                {
                    return new AuditVerification(false, count, broken, previous.Sequence, previous.Hash);
                }
                count++;
                previous = new Link(entry.Sequence, entry.Id, entry.Hash);
            }
            if (batch.Count < batchSize)
            {
                return new AuditVerification(true, count, null, previous.Sequence, previous.Hash);
            }
        }
    }

    private static AuditBreak? Check(AuditEntry entry, Link previous, AuditKeyRing? keys)
    {
        var expected = previous.Sequence + 1;
        if (entry.Sequence > expected)
        {
            return new AuditBreak(expected, null, AuditBreakKind.Missing, expected == entry.Sequence - 1
                ? $"Falta la entrada {expected}: fue eliminada."
                : $"Faltan las entradas {expected} a {entry.Sequence - 1}: fueron eliminadas.");
        }
        if (entry.Sequence < expected)
        {
            return new AuditBreak(entry.Sequence, entry.Id, AuditBreakKind.OutOfOrder,
                $"La entrada {entry.Sequence} está repetida: una entrada fue insertada fuera de orden.");
        }
        if (previous.Sequence > 0 && entry.Id < previous.Id)
        {
            // Rows get increasing ids as they are written, so an entry whose id is greater than its
            // successor's was written after it.
            return new AuditBreak(previous.Sequence, previous.Id, AuditBreakKind.OutOfOrder,
                $"La entrada {previous.Sequence} fue insertada fuera de orden: se escribió después de la entrada {entry.Sequence}.");
        }
        string computed;
        if (entry.KeyId is null)
        {
            if (keys is not null && entry.Sequence >= keys.KeyedFrom)
            {
                return new AuditBreak(entry.Sequence, entry.Id, AuditBreakKind.NotSigned,
                    $"La entrada {entry.Sequence} no está firmada con la clave del registro (HMAC): fue escrita o reescrita sin la clave.");
            }
            computed = AuditHasher.ComputeHash(entry);
        }
        else if (keys?.Find(entry.KeyId) is { } key)
        {
            computed = AuditHasher.ComputeHash(entry, key);
        }
        else
        {
            return new AuditBreak(entry.Sequence, entry.Id, AuditBreakKind.NotSigned, keys is null
                ? $"La entrada {entry.Sequence} está firmada con la clave «{entry.KeyId}» y no se cargó el archivo de claves: no se puede verificar."
                : $"La entrada {entry.Sequence} dice estar firmada con la clave «{entry.KeyId}», que no está en el archivo de claves.");
        }
        var intact = computed == entry.Hash;
        var linked = entry.PreviousHash == previous.Hash;
        return (intact, linked) switch
        {
            (true, true) => null,
            (false, true) => new AuditBreak(entry.Sequence, entry.Id, AuditBreakKind.Altered,
                $"La entrada {entry.Sequence} fue alterada: su contenido no corresponde a su huella (hash)."),
            (true, false) => new AuditBreak(entry.Sequence, entry.Id, AuditBreakKind.ChainBroken,
                $"Encadenamiento roto en la entrada {entry.Sequence}: no sigue a la entrada {previous.Sequence}, que fue reescrita o reemplazada."),
            (false, false) => new AuditBreak(entry.Sequence, entry.Id, AuditBreakKind.OutOfOrder,
                $"La entrada {entry.Sequence} está fuera de orden: ni su contenido ni su enlace corresponden a su posición (insertada, movida o renumerada)."),
        };
    }

    private readonly record struct Link(long Sequence, long Id, string Hash);
}
