namespace Vigia.Core.Audit;

/// <summary>What an admin filters the trail by. <see cref="Actor"/> matches part of the person's name,
/// ignoring case; <see cref="From"/> is inclusive and <see cref="To"/> exclusive (a day's entries are
/// From = that midnight, To = the next).</summary>
public sealed record AuditFilter(
    string? UserId = null,
    string? Actor = null,
    string? EntityType = null,
    string? EntityId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);

/// <summary>One page of the trail, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize);

/// <summary>Reads of the trail for the admin page and each record's "Historial".</summary>
public static class AuditQuery
{
    public static IQueryable<AuditEntry> Filter(this IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!string.IsNullOrWhiteSpace(filter.UserId))
        {
            entries = entries.Where(e => e.UserId == filter.UserId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            // EF Core translates ToLower() to SQL lower(); it cannot translate a StringComparison or a culture.
#pragma warning disable CA1862, CA1304, CA1311
            entries = entries.Where(e => e.ActorName.ToLower().Contains(actor));
#pragma warning restore CA1862, CA1304, CA1311
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            entries = entries.Where(e => e.EntityType == filter.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            entries = entries.Where(e => e.EntityId == filter.EntityId);
        }
        if (filter.From is { } from)
        {
            var start = from.ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt < end);
        }
        return entries;
    }

    /// <summary>The "Historial" of one record, newest first.</summary>
    public static IQueryable<AuditEntry> History(AppDbContext db, string entityType, string entityId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.Sequence);
    }

    /// <summary>The "Historial" of one record of type <typeparamref name="T"/> with the given key.</summary>
    public static IQueryable<AuditEntry> History<T>(AppDbContext db, object key) =>
        History(db, AuditNames.TypeName<T>(), Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "");

    public static async Task<AuditPage> ListAsync(AppDbContext db, AuditFilter filter, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var query = db.AuditEntries.AsNoTracking().Filter(filter);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(entries, total, page, pageSize);
    }
}
