using Vigia.Core.Plans;

namespace Vigia.Core.Monitoring;

/// <summary>The monthly monitoring record a component leader closes (second line; 11 a year in the seed).</summary>
public class MonitoringRecord
{
    public int Id { get; set; }
    public int ComponentId { get; set; }
    public Component? Component { get; set; }
    public int Month { get; set; }
    public required string Summary { get; set; }
    public DateTimeOffset ClosedAt { get; set; }
    public string? ClosedById { get; set; }
    public string? ClosedByName { get; set; }
    public bool IsSimulated { get; set; }
}
