using Vigia.Core.Accounts;
using Vigia.Core.Audit;

namespace Vigia.Core.FollowUps;

/// <summary>What <see cref="FollowUpService"/> and <see cref="FollowUpLifecycle"/> share: who may write, the
/// current version, a new draft and an audited save.</summary>
internal sealed class FollowUpWriting(AppDbContext db, TimeProvider? clock, AuditScope? audit)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>Always in UTC: PostgreSQL's timestamptz accepts nothing else.</summary>
    public DateTimeOffset Now => clock.GetUtcNow().ToUniversalTime();

    /// <summary>Only a signed-in Control Interno user writes follow-ups.</summary>
    public static bool MayWrite(Actor actor) => actor.IsIn(Roles.InternalControl) && actor.UserId is not null;

    /// <summary>The refusal of every follow-up write by anyone but Control Interno.</summary>
    public static Failure Denied { get; } = Result.Forbidden("Solo la Oficina de Control Interno registra y modifica los seguimientos.");

    /// <summary>The plan, cut-off, action or component does not exist.</summary>
    public static Failure Missing { get; } = Result.NotFound("No existe.");

    public Task<FollowUp?> CurrentAsync(int planId, DateOnly cutOff, CancellationToken ct) =>
        db.Set<FollowUp>().Where(f => f.PlanId == planId && f.CutOffDate == cutOff).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct);

    public FollowUp NewDraft(Actor actor, int planId, DateOnly cutOff, int number, DateOnly deadline, FollowUpScope scope) => new()
    {
        Scope = scope,
        PlanId = planId,
        CutOffDate = cutOff,
        CutOffNumber = number,
        PublicationDeadline = deadline,
        Status = FollowUpStatus.Draft,
        CreatedAt = Now,
        CreatedById = actor.UserId,
        CreatedByName = actor.Name,
    };

    public async Task SaveAsync(Actor actor, string? reason, CancellationToken ct)
    {
        using var scope = audit?.Begin(new AuditActor(actor.UserId, actor.Name), reason);
        await db.SaveChangesAsync(ct);
    }
}
