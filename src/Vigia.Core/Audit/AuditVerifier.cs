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

    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, int batchSize, CancellationToken ct = default)
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
                if (Check(entry, previous) is { } broken)
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

    private static AuditBreak? Check(AuditEntry entry, Link previous)
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
        var intact = AuditHasher.ComputeHash(entry) == entry.Hash;
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
