using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Core.Organisation;

/// <summary>The fields unit errors are keyed by: every problem with a unit's name or place goes with its name, every
/// problem with a merge with the unit that is kept.</summary>
public static class UnitFields
{
    public const string Name = "Name";
    public const string Keep = "KeepId";
    public const string Reason = "MergeReason";
}

/// <summary>Owns changes to the unit hierarchy: create, rename, move, and merge duplicates.</summary>
public sealed class UnitService(AppDbContext db, AuditScope audit)
{
    public async Task<Result<Unit>> SaveAsync(int entityId, int? unitId, string name, int? parentId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Result.Invalid(UnitFields.Name, "Escriba el nombre de la unidad.");
        }
        var folded = SpanishText.Fold(name);
        var unit = unitId is null ? new Unit { EntityId = entityId, Name = "", NormalizedName = "" } : await db.Units.FindAsync([unitId.Value], ct);
        if (unit is null || unit.EntityId != entityId)
        {
            return Result.NotFound("La unidad no existe.");
        }
        if (parentId is { } p && (p == unit.Id || await IsDescendantAsync(p, unit.Id, ct)))
        {
            return Result.Invalid(UnitFields.Name, "Una unidad no puede depender de sí misma ni de una unidad que depende de ella.");
        }
        if (parentId is { } pid && !await db.Units.AnyAsync(u => u.Id == pid && u.EntityId == entityId, ct))
        {
            return Result.Invalid(UnitFields.Name, "La unidad superior no existe.");
        }
        if (await db.Units.AnyAsync(u => u.EntityId == entityId && u.ParentId == parentId && u.NormalizedName == folded && u.Id != unit.Id, ct))
        {
            return Result.Invalid(UnitFields.Name, "Ya existe una unidad con ese nombre en el mismo nivel; si es la misma, fusiónelas.");
        }
        unit.Name = name.Trim();
        unit.NormalizedName = folded;
        unit.ParentId = parentId;
        if (unit.Id == 0)
        {
            db.Units.Add(unit);
        }
        await db.SaveChangesAsync(ct);
        return Result.Saved(unit);
    }

    /// <summary>Moves everything that points at <paramref name="duplicateId"/> to <paramref name="keepId"/> and
    /// deactivates the duplicate, so history still names it.</summary>
    /// <summary>Merges a duplicate into the unit kept. Moving a published plan's responsibles is a change to the plan, so
    /// then the audit needs the reason (<paramref name="reason"/>); without it nothing changes and the form asks for it.</summary>
    public async Task<Result<Unit>> MergeAsync(int keepId, int duplicateId, string? reason = null, CancellationToken ct = default)
    {
        if (keepId == duplicateId)
        {
            return Result.Invalid(UnitFields.Keep, "Elija dos unidades distintas.");
        }
        var keep = await db.Units.FindAsync([keepId], ct);
        var duplicate = await db.Units.FindAsync([duplicateId], ct);
        if (keep is null || duplicate is null || keep.EntityId != duplicate.EntityId)
        {
            return Result.Invalid(UnitFields.Keep, "Las unidades no existen o son de entidades distintas.");
        }
        if (await IsDescendantAsync(keepId, duplicateId, ct))
        {
            return Result.Invalid(UnitFields.Keep, "No se puede fusionar una unidad con otra que depende de ella.");
        }
        // A unit's part of a collective action moves to the unit kept; two live reports of the same part and month
        // cannot become one without someone deciding which is right, so the merge waits for that.
        var clash = await db.ProgressReports.AsNoTracking()
            .Where(r => r.UnitId == duplicateId && r.Status != ReportStatus.Superseded
                && db.ProgressReports.Any(k => k.UnitId == keepId && k.ActionId == r.ActionId && k.Month == r.Month && k.Status != ReportStatus.Superseded))
            .Select(r => new { r.Action!.Activity!.Code, r.Action.Order, r.Month }).FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            return Result.Invalid(UnitFields.Keep,
                $"Las dos unidades reportaron su parte de la actividad {clash.Code} (acción {clash.Order.ToString(CultureInfo.InvariantCulture)}) en {SpanishMonths.Name(clash.Month)}; " +
                "Planeación debe devolver uno de los dos reportes antes de fusionarlas.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var memberships = await db.UnitGroupMembers.Where(m => m.UnitId == duplicateId).ToListAsync(ct);
        var groupsKept = (await db.UnitGroupMembers.Where(m => m.UnitId == keepId).Select(m => m.GroupId).ToListAsync(ct)).ToHashSet();
        db.UnitGroupMembers.RemoveRange(memberships);
        db.UnitGroupMembers.AddRange(memberships.Where(m => !groupsKept.Contains(m.GroupId)).Select(m => new UnitGroupMember { GroupId = m.GroupId, UnitId = keepId }));
        var partTargets = await db.ActionPartTargets.Where(t => t.UnitId == duplicateId).ToListAsync(ct);
        var targetsKept = await db.ActionPartTargets.Where(t => t.UnitId == keepId).ToDictionaryAsync(t => t.ActionId, ct);
        db.ActionPartTargets.RemoveRange(partTargets);
        foreach (var target in partTargets)
        {
            // One unit now does both parts' work.
            if (targetsKept.TryGetValue(target.ActionId, out var kept))
            {
                kept.Target += target.Target;
            }
            else
            {
                db.ActionPartTargets.Add(new ActionPartTarget { ActionId = target.ActionId, UnitId = keepId, Target = target.Target });
            }
        }
        await db.ProgressReports.Where(r => r.UnitId == duplicateId).ForEachAsync(r => r.UnitId = keepId, ct);
        var actionLinks = await db.ActionUnits.Where(x => x.UnitId == duplicateId).ToListAsync(ct);
        var alreadyKept = (await db.ActionUnits.Where(x => x.UnitId == keepId).Select(x => x.ActionId).ToListAsync(ct)).ToHashSet();
        db.ActionUnits.RemoveRange(actionLinks);
        db.ActionUnits.AddRange(actionLinks.Where(x => !alreadyKept.Contains(x.ActionId)).Select(x => new ActionUnit { ActionId = x.ActionId, UnitId = keepId }));
        var userLinks = await db.UserUnits.Where(x => x.UnitId == duplicateId).ToListAsync(ct);
        var usersKept = (await db.UserUnits.Where(x => x.UnitId == keepId).Select(x => x.UserId).ToListAsync(ct)).ToHashSet();
        db.UserUnits.RemoveRange(userLinks);
        db.UserUnits.AddRange(userLinks.Where(x => !usersKept.Contains(x.UserId)).Select(x => new UserUnit { UserId = x.UserId, UnitId = keepId }));
        await db.Units.Where(u => u.ParentId == duplicateId).ForEachAsync(u => u.ParentId = keepId, ct);
        await db.Processes.Where(p => p.OwnerUnitId == duplicateId).ForEachAsync(p => p.OwnerUnitId = keepId, ct);
        duplicate.IsActive = false;
        duplicate.Name = duplicate.Name.EndsWith("(fusionada)", StringComparison.Ordinal) ? duplicate.Name : duplicate.Name + " (fusionada)";
        duplicate.NormalizedName = SpanishText.Fold(duplicate.Name);
        try
        {
            using (audit.Because(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()))
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (AuditReasonRequiredException e)
        {
            db.ChangeTracker.Clear();
            return Result.Invalid(UnitFields.Reason, e.Message + " Escriba el motivo de la fusión.");
        }
        await transaction.CommitAsync(ct);
        return Result.Saved(keep);
    }

    private async Task<bool> IsDescendantAsync(int candidateId, int ancestorId, CancellationToken ct)
    {
        var parents = await db.Units.Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var current = (int?)candidateId;
        var guard = 0;
        while (current is { } id && guard++ < 1000)
        {
            if (id == ancestorId)
            {
                return true;
            }
            current = parents.GetValueOrDefault(id);
        }
        return false;
    }
}
