using Vigia.Core.Caching;

namespace Vigia.Web.Caching;

/// <summary>The <see cref="PublicDataVersion"/> this instance keys its cache by, kept in memory and read again from
/// the database when a change was committed in this process (<see cref="PublicDataSignal"/>) or when the last read is
/// older than <see cref="PublicCacheOptions.VersionCheckInterval"/> (changes committed by other instances, the
/// command line, jobs). Between two reads a cached answer touches no database at all.</summary>
public sealed class PublicDataGeneration(IServiceScopeFactory scopes, TimeProvider clock, PublicDataSignal signal, PublicCacheOptions options)
{
    public sealed record Snapshot(string Stamp, DateTimeOffset ChangedAt, long Signal, DateTimeOffset ReadAt);

    private readonly Lock gate = new();
    private Task<Snapshot>? current;

    public async Task<Snapshot> GetAsync()
    {
        Task<Snapshot> task;
        lock (gate)
        {
            if (current is null || (current.IsCompleted && IsStale(current)))
            {
                current = ReadAsync();
            }
            task = current;
        }
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch
        {
            lock (gate)
            {
                // A failed read is not kept: the next request tries again.
                if (current == task)
                {
                    current = null;
                }
            }
            throw;
        }
    }

    private bool IsStale(Task<Snapshot> task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            return true;
        }
        var snapshot = task.Result;
        return snapshot.Signal != signal.Count || clock.GetUtcNow() - snapshot.ReadAt >= options.VersionCheckInterval;
    }

    private async Task<Snapshot> ReadAsync()
    {
        // Read the signal before the row: a change committed in between is then seen by the next request.
        var seen = signal.Count;
        var readAt = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.PublicDataVersions.AsNoTracking()
            .Where(v => v.Id == PublicDataVersion.SingletonId)
            .Select(v => new { v.Stamp, v.ChangedAt })
            .FirstOrDefaultAsync().ConfigureAwait(false);
        return new Snapshot(row?.Stamp ?? "sin-version", row?.ChangedAt ?? DateTimeOffset.UnixEpoch, seen, readAt);
    }
}
