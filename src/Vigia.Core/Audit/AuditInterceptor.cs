using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Vigia.Core.Audit;

/// <summary>Writes an <see cref="AuditEntry"/> for every audited row a <c>SaveChanges</c> adds, modifies or
/// deletes, in the same transaction: it opens one when none is open (or sets a savepoint in the caller's),
/// lets EF Core save the changes so generated keys are known, appends the entries to the chain, and commits.
/// A failure anywhere rolls back the changes and the entries together.</summary>
/// <remarks>The chain head is read under a lock: PostgreSQL's <c>pg_advisory_xact_lock</c>; on SQLite the
/// rows just written hold the database's write lock. The unique index on <see cref="AuditEntry.Sequence"/>
/// turns any race that slipped past into a failed save, never into a forked chain.
/// A context whose save failed holds entities in a state the database no longer has: discard it.</remarks>
public sealed class AuditInterceptor(AuditScope scope, TimeProvider? clock = null, IAuditPolicy? policy = null, AuditOptions? options = null,
    AuditKeys? keys = null)
    : SaveChangesInterceptor
{
    /// <summary>Advisory lock key that serialises appends to the chain on PostgreSQL ("VigiaAud" in ASCII).</summary>
    public const long ChainLockKey = 0x5669676961417564;

    private const string SavepointName = "vigia_audit";

    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly IAuditPolicy policy = policy ?? new PublishedPlanAuditPolicy();
    private readonly AuditOptions options = options ?? new AuditOptions();
    private readonly ConditionalWeakTable<DbContext, SaveState> saves = [];

    public AuditScope Scope => scope;

    /// <summary>The clock the entries are dated by, for the interceptors saved beside it.</summary>
    public TimeProvider Clock => clock;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await BeginAsync(context, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && saves.TryGetValue(context, out var state) && !state.WritingEntries)
        {
            await AppendAsync(context, state, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    // A synchronous SaveChanges runs the same steps to completion; every await below uses
    // ConfigureAwait(false), so blocking on them cannot deadlock on a synchronisation context.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    private async Task BeginAsync(DbContext context, CancellationToken ct)
    {
        if (saves.TryGetValue(context, out var previous))
        {
            if (previous.WritingEntries)
            {
                return;
            }
            await UndoAsync(context, previous).ConfigureAwait(false);
        }
        var entries = AuditChangeSet.FindChanges(context, options);
        RefuseChangesToTheTrail(context);
        if (entries.Count == 0)
        {
            return;
        }
        var state = await OpenTransactionAsync(context.Database, ct).ConfigureAwait(false);
        try
        {
            if (scope.Reason is null && await policy.ReasonRequiredAsync(context, entries, ct).ConfigureAwait(false) is { } why)
            {
                throw new AuditReasonRequiredException(why);
            }
            state.Changes = await AuditChangeSet.CaptureAsync(entries, options, ct).ConfigureAwait(false);
            state.Actor = scope.Actor;
            state.Reason = scope.Reason;
            saves.AddOrUpdate(context, state);
        }
        catch
        {
            await UndoAsync(context, state).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<SaveState> OpenTransactionAsync(DatabaseFacade database, CancellationToken ct)
    {
        var state = new SaveState();
        if (database.CurrentTransaction is { } current)
        {
            if (current.SupportsSavepoints)
            {
                await current.CreateSavepointAsync(SavepointName, ct).ConfigureAwait(false);
                state.Savepoint = SavepointName;
            }
        }
        else if (System.Transactions.Transaction.Current is null)
        {
            state.Transaction = await database.BeginTransactionAsync(ct).ConfigureAwait(false);
        }
        return state;
    }

    private async Task AppendAsync(DbContext context, SaveState state, CancellationToken ct)
    {
        List<AuditEntry> written = [];
        try
        {
            if (context.ChangeTracker.Entries().Any(e => e.State is not (EntityState.Unchanged or EntityState.Detached)))
            {
                throw new InvalidOperationException(
                    "SaveChanges(acceptAllChangesOnSuccess: false) is not supported on an audited context: the audit entries are saved by a second SaveChanges.");
            }
            if (state.Changes is { IsEmpty: false } changes)
            {
                written = await BuildEntriesAsync(context, state, changes, ct).ConfigureAwait(false);
                context.Set<AuditEntry>().AddRange(written);
                state.WritingEntries = true;
                await context.SaveChangesAsync(ct).ConfigureAwait(false);
                state.WritingEntries = false;
                Detach(context, written);
            }
            await CompleteAsync(context, state, ct).ConfigureAwait(false);
        }
        catch
        {
            Detach(context, written);
            await UndoAsync(context, state).ConfigureAwait(false);
            throw;
        }
        finally
        {
            saves.Remove(context);
        }
    }

    private async Task<List<AuditEntry>> BuildEntriesAsync(DbContext context, SaveState state, AuditChangeSet changes, CancellationToken ct)
    {
        if (context.Database.IsNpgsql())
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", ct).ConfigureAwait(false);
        }
        var head = await context.Set<AuditEntry>().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditHasher.GenesisHash;
        var at = AuditHasher.Normalize(clock.GetUtcNow());
        var entries = new List<AuditEntry>();
        foreach (var (entityType, entityId, action, json) in changes.Complete())
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                OccurredAt = at,
                UserId = state.Actor.UserId,
                ActorName = state.Actor.Name,
                EntityType = entityType,
                EntityId = entityId,
                Action = action,
                Changes = json,
                Reason = state.Reason,
                PreviousHash = previous,
                Hash = "",
            };
            if (keys?.Ring?.Current is { } key)
            {
                entry.KeyId = key.Id;
                entry.Hash = previous = AuditHasher.ComputeHash(entry, key);
            }
            else
            {
                entry.Hash = previous = AuditHasher.ComputeHash(entry);
            }
            entries.Add(entry);
        }
        return entries;
    }

    private static async Task CompleteAsync(DbContext context, SaveState state, CancellationToken ct)
    {
        if (state.Transaction is { } transaction)
        {
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            await transaction.DisposeAsync().ConfigureAwait(false);
            state.Transaction = null;
        }
        else if (state.Savepoint is { } savepoint && context.Database.CurrentTransaction is { } current)
        {
            await current.ReleaseSavepointAsync(savepoint, ct).ConfigureAwait(false);
            state.Savepoint = null;
        }
    }

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is not null && saves.TryGetValue(context, out var state) && !state.WritingEntries)
        {
            saves.Remove(context);
            await UndoAsync(context, state).ConfigureAwait(false);
        }
    }

    /// <summary>Rolls back what this save did; never throws, so the original failure is what the caller sees.</summary>
    private static async Task UndoAsync(DbContext context, SaveState state)
    {
        try
        {
            if (state.Transaction is { } transaction)
            {
                state.Transaction = null;
                await transaction.RollbackAsync().ConfigureAwait(false);
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
            else if (state.Savepoint is { } savepoint && context.Database.CurrentTransaction is { } current)
            {
                state.Savepoint = null;
                await current.RollbackToSavepointAsync(savepoint).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // The connection is likely gone, and with it the transaction.
        }
    }

    private static void Detach(DbContext context, List<AuditEntry> entries)
    {
        foreach (var entry in entries)
        {
            context.Entry(entry).State = EntityState.Detached;
        }
    }

    /// <summary>The trail is append-only: the application never modifies or deletes an entry, nor adds one
    /// by hand.</summary>
    private static void RefuseChangesToTheTrail(DbContext context)
    {
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("El registro de auditoría no se modifica: sus entradas solo las escribe Vigía al guardar cada cambio.");
        }
    }

    private sealed class SaveState
    {
        public IDbContextTransaction? Transaction { get; set; }
        public string? Savepoint { get; set; }
        public AuditChangeSet? Changes { get; set; }
        public AuditActor Actor { get; set; } = AuditActor.System;
        public string? Reason { get; set; }
        public bool WritingEntries { get; set; }
    }
}
