using System.Security.Claims;

namespace Vigia.Core.Audit;

/// <summary>Who makes a change, as written in the audit trail.</summary>
public sealed record AuditActor(string? UserId, string Name)
{
    /// <summary>Changes nobody signed in made: start-up, scheduled jobs, the command line.</summary>
    public static readonly AuditActor System = new(null, "sistema");

    /// <summary>Claim with the person's display name; without it the user name is used.</summary>
    public const string DisplayNameClaimType = "display_name";

    /// <summary>The signed-in person: the name identifier claim and the name the sign-in put on the identity.</summary>
    public static AuditActor From(ClaimsPrincipal? user)
    {
        if (user?.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id)
        {
            return System;
        }
        var name = user.FindFirstValue(DisplayNameClaimType) ?? user.Identity?.Name;
        return new AuditActor(id, string.IsNullOrWhiteSpace(name) ? id : name);
    }
}

/// <summary>The actor and the reason that the audit interceptor writes into every entry of the current
/// request (a scoped service). Set them for the span of a write:
/// <code>using (audit.Begin(actor, reason)) { …; await db.SaveChangesAsync(ct); }</code>
/// Unset, the actor is <see cref="AuditActor.System"/> and there is no reason.</summary>
public sealed class AuditScope
{
    public AuditActor Actor { get; private set; } = AuditActor.System;

    /// <summary>Why the change is made; required for changes to a plan after its publication.</summary>
    public string? Reason { get; private set; }

    /// <summary>Sets actor and reason until the returned handle is disposed, which restores the previous ones.</summary>
    public IDisposable Begin(AuditActor actor, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var restore = new Restore(this, Actor, Reason);
        Actor = actor;
        Reason = Clean(reason);
        return restore;
    }

    /// <summary>Sets only the reason, keeping the actor, until the returned handle is disposed.</summary>
    public IDisposable Because(string? reason) => Begin(Actor, reason);

    /// <summary>Sets the actor for the rest of the scope (the request); used by the web host's audit-actor middleware.</summary>
    public void SetActor(AuditActor actor) => Actor = actor ?? throw new ArgumentNullException(nameof(actor));

    private static string? Clean(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private sealed class Restore(AuditScope scope, AuditActor actor, string? reason) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                scope.Actor = actor;
                scope.Reason = reason;
            }
        }
    }
}
