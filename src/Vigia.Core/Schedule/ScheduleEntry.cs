using Vigia.Core.Plans;

namespace Vigia.Core.Schedule;

/// <summary>The planned quantity of an action in one month (1–12).</summary>
public class ScheduleEntry
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public PlanAction? Action { get; set; }
    public int Month { get; set; }
    public decimal PlannedQuantity { get; set; }
    /// <summary>Written by the demo simulation (<c>--demo</c>), not by the entity: public pages say so. A person who
    /// changes the month's quantity makes it the entity's.</summary>
    public bool IsSimulated { get; set; }
}
