using Vigia.Core.Monitoring;

namespace Vigia.Web.Pages.Monitoring;

/// <summary>Who reads the monitoring pages: the second line (leaders, Planeación), who also act on them, and
/// Control Interno, which reads everything to assess the second line and acts on nothing.</summary>
internal static class MonitoringAccess
{
    public static bool Reads(Actor actor) => MonitoringService.Monitors(actor) || (actor.UserId is not null && actor.IsIn(Roles.InternalControl));

    /// <summary>The components whose monitoring the person reads: null for all.</summary>
    public static async Task<IReadOnlyCollection<int>?> ComponentsAsync(Actor actor, MonitoringService monitoring, CancellationToken ct) =>
        actor.IsIn(Roles.InternalControl) ? null : await monitoring.ReviewedComponentsAsync(actor, ct);
}
