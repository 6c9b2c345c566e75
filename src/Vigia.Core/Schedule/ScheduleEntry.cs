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
}
