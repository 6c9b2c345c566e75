using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Reminders;

namespace Vigia.Core.Caching;

/// <summary>Gives <see cref="PublicDataVersion"/> a new stamp in every save that adds, changes or deletes a row of a
/// type a public page may show, inside the same save (so in the same transaction as the change, the audit entries
/// included), and raises the <see cref="PublicDataSignal"/> once the change is committed.</summary>
/// <remarks>Derived from the data layer rather than called by each service, so a new write path cannot forget it.
/// The few types left out are never shown to the public and change on sign-in traffic, which would otherwise empty
/// the cache on every staff request. Writes that bypass <c>SaveChanges</c> (<c>ExecuteUpdate</c>, raw SQL) are not
/// seen: the code has none on public data, and docs/caching.md says so.</remarks>
public sealed class PublicDataVersionInterceptor(TimeProvider? clock = null, PublicDataSignal? signal = null)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> PrivateTypes =
    [
        typeof(PublicDataVersion),
        typeof(AuditEntry),
        typeof(UserSession),
        typeof(AccountToken),
        typeof(ReminderLog),
        typeof(UserUnit),
        typeof(UserComponent),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
    ];

    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    /// <summary>Whether a change to a row of <paramref name="type"/> can change what the public sees.</summary>
    public static bool IsPublic(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        // The stored compliance verdicts are derived: the change that made them stale already stamped a new version.
        return !PrivateTypes.Contains(type) && type.Namespace != typeof(Compliance.Stored.PlanComplianceState).Namespace
            && !typeof(IdentityUser<string>).IsAssignableFrom(type)
            && type.Namespace != typeof(IdentityRole).Namespace;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && HasPublicChange(context))
        {
            var version = await context.Set<PublicDataVersion>().FindAsync([PublicDataVersion.SingletonId], cancellationToken).ConfigureAwait(false);
            Stamp(context, version);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && HasPublicChange(context))
        {
            Stamp(context, context.Set<PublicDataVersion>().Find(PublicDataVersion.SingletonId));
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Forget(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    // The change is visible to other connections only once the transaction that holds it commits: a save inside
    // the caller's (or the audit trail's) transaction signals then, not when SaveChanges returns.
    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        SignalPending(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        SignalPending(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static bool HasPublicChange(DbContext context) =>
        context.Model.FindEntityType(typeof(PublicDataVersion)) is not null
        && context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsPublic(e.Metadata.ClrType));

    private void Stamp(DbContext context, PublicDataVersion? version)
    {
        var stamp = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        if (version is null)
        {
            context.Add(new PublicDataVersion { Id = PublicDataVersion.SingletonId, Stamp = stamp, ChangedAt = now });
        }
        else
        {
            version.Stamp = stamp;
            version.ChangedAt = now;
        }
        pending.AddOrUpdate(context, this);
    }

    private void SignalIfCommitted(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            SignalPending(context);
        }
    }

    private void SignalPending(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
        {
            signal?.Raise();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }
}
