using Vigia.Core.Accounts;
using Vigia.Core.Audit;

namespace Vigia.Core.FollowUps;

/// <summary>
/// Control Interno's risk-map follow-up cut-offs of an entity and year (the seed follows the maps up four times a
/// year while the plan has three cut-offs). Stored in the setting <see cref="FollowUpCalendar.RiskMapKey"/>, written
/// like the plan's cut-offs; without it the risk map is followed up at the plan's cut-offs. A risk-map cut-off that
/// is not one of the plan's opens a follow-up of the risk map alone (<see cref="FollowUpScope.RiskMap"/>).
/// </summary>
public sealed class RiskMapCutOffs(AppDbContext db, FollowUpCalendar calendar, AuditScope audit)
{
    /// <summary>Sets the risk-map cut-offs of the plan's entity and year; an empty text returns to the plan's cut-offs.
    /// A date whose follow-up was already started can be neither added nor removed: that would change what it judges.</summary>
    /// <returns>The year's risk-map cut-offs after the change.</returns>
    public async Task<Result<IReadOnlyList<CutOffDeadline>>> SaveAsync(Actor actor, int planId, string? text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!FollowUpWriting.MayWrite(actor))
        {
            return Result.Forbidden("Solo la Oficina de Control Interno fija los cortes de seguimiento del mapa de riesgos.");
        }
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.EntityId, p.Year }).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return Result.NotFound("El plan no existe.");
        }
        IReadOnlyList<CutOffDeadline> next;
        string? value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            next = await calendar.CutOffsAsync(planId, ct);
        }
        else
        {
            if (!FollowUpCalendar.TryParse(text, out var schedule, out var error))
            {
                return Result.Invalid("CutOffs", error!);
            }
            value = FollowUpCalendar.Format(schedule!);
            next = schedule!.For(plan.Year, FollowUpCalendar.Calendar);
        }
        var (current, _) = await calendar.RiskMapCutOffsAsync(planId, ct);
        var changed = current.Select(c => c.CutOffDate).ToHashSet();
        changed.SymmetricExceptWith(next.Select(c => c.CutOffDate));
        var started = await db.Set<FollowUp>().AsNoTracking().Where(f => f.PlanId == planId && changed.Contains(f.CutOffDate))
            .Select(f => f.CutOffDate).Distinct().OrderBy(d => d).ToListAsync(ct);
        if (started.Count > 0)
        {
            return Result.Invalid("CutOffs", "Ya hay un seguimiento iniciado con corte del " + string.Join(", ", started.Select(FollowUpText.Date))
                + ": ese corte no puede agregarse ni quitarse de los cortes del mapa de riesgos.");
        }
        var key = FollowUpCalendar.RiskMapKey(plan.EntityId, plan.Year);
        var existing = await db.Settings.FindAsync([key], ct);
        if (value is null)
        {
            if (existing is not null)
            {
                db.Settings.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.Settings.Add(new AppSetting { Key = key, Value = value });
        }
        else
        {
            existing.Value = value;
        }
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), "Cortes de seguimiento del mapa de riesgos"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(next);
    }
}
