using Vigia.Core.Accounts;

namespace Vigia.Core.RiskMap;

/// <summary>Who may maintain a process's risk map, decided on the data: Planeación (second line, which
/// consolidates the map) for every process, a Líder de proceso for the processes assigned to them.</summary>
public sealed class RiskMapAccess(AppDbContext db)
{
    public async Task<bool> CanMaintainAsync(Actor actor, int processId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsIn(Roles.Planning))
        {
            return true;
        }
        return actor.IsIn(Roles.ProcessLeader) && actor.UserId is { } user
            && await db.ProcessLeaders.AnyAsync(l => l.UserId == user && l.ProcessId == processId, ct);
    }

    /// <summary>The processes whose map <paramref name="actor"/> maintains (all of them for Planeación).</summary>
    public async Task<IReadOnlyList<int>> MaintainedProcessesAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsIn(Roles.Planning))
        {
            return await db.Processes.Select(p => p.Id).ToListAsync(ct);
        }
        if (!actor.IsIn(Roles.ProcessLeader) || actor.UserId is not { } user)
        {
            return [];
        }
        return await db.ProcessLeaders.Where(l => l.UserId == user).Select(l => l.ProcessId).ToListAsync(ct);
    }
}
