using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Vigia.Core.Audit;

/// <summary>Decides whether a set of pending changes may be saved without a reason.</summary>
public interface IAuditPolicy
{
    /// <summary>Null when no reason is needed; otherwise, in Spanish, why one is.</summary>
    Task<string?> ReasonRequiredAsync(DbContext context, IReadOnlyList<EntityEntry> changes, CancellationToken ct);
}

/// <summary>Thrown by <c>SaveChanges</c> when a change needs a reason and none was given; nothing is saved.</summary>
public sealed class AuditReasonRequiredException(string message) : InvalidOperationException(message);
