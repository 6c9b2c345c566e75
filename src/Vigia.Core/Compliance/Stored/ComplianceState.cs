using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigia.Core.Plans;

namespace Vigia.Core.Compliance.Stored;

/// <summary>The verdicts of one action for every number of months counted (0–12), as <see cref="ComplianceCalculator"/>
/// gave them the last time its plan was evaluated: bit m of <see cref="Programmed"/> is set when the action is
/// programmed with m months counted, bit m of <see cref="Completed"/> when it is also completed (so Completed ⊆ Programmed).
/// Written only by <see cref="ComplianceStateStore"/>; the official counts are aggregated from these rows in the database
/// (<see cref="ComplianceFigures"/>, docs/compliance.md «Stored verdicts»).</summary>
public class ActionComplianceState
{
    public int ActionId { get; set; }
    public int PlanId { get; set; }
    public int ComponentId { get; set; }
    public int ComponentNumber { get; set; }
    public int ActivityId { get; set; }
    public int Programmed { get; set; }
    public int Completed { get; set; }
}

/// <summary>Whether a plan's stored verdicts are up to date. A save that changes anything a verdict depends on marks the
/// plan stale in the same save (<see cref="ComplianceStateInterceptor"/>), and gives it a new <see cref="Token"/>; a
/// reader refreshes stale plans, and plans with no row at all, before it aggregates. The refresh clears the flag only
/// while the token is the one it read before loading the plan, so a change saved during a refresh is not lost.</summary>
public class PlanComplianceState
{
    public int PlanId { get; set; }
    public bool Stale { get; set; }
    public Guid Token { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    /// <summary>Actions with a monthly schedule (none: «sin programación», <see cref="ComplianceNode.IsUnscheduled"/>).</summary>
    public int ScheduledActions { get; set; }
    /// <summary>The plan holds reports made by a simulation (<see cref="ComplianceService.HasSimulatedDataAsync"/>).</summary>
    public bool HasSimulatedData { get; set; }
}

/// <summary>The plan's weighted progress («avance ponderado» and «avance del año», <see cref="ComplianceNode.ToDate"/> and
/// <see cref="ComplianceNode.Year"/>) for each number of months counted, as the calculator gave them at the refresh: the
/// second figures the list of plans (/tablero) shows beside the official one. Not the official figure.</summary>
public class PlanProgressState
{
    public int PlanId { get; set; }
    public int Months { get; set; }
    public decimal? ToDate { get; set; }
    public decimal? Year { get; set; }
}

/// <summary>A plan's official counts (<see cref="OfficialCount"/>: activities and actions, programmed and completed) for
/// each number of months counted, as <see cref="ComplianceCalculator"/> gave them at the refresh, so that ranking every
/// plan of the country reads one row per plan instead of aggregating every action's verdict. Written with the verdicts
/// (<see cref="ActionComplianceState"/>) in the same transaction, from the same evaluation; the aggregate of the verdicts
/// (<see cref="ComplianceFigures.PlanQuery"/>) gives the same counts, and the tests hold both to the calculator.</summary>
public class PlanOfficialState
{
    public int PlanId { get; set; }
    public int Months { get; set; }
    public int Activities { get; set; }
    public int ProgrammedActivities { get; set; }
    public int CompletedActivities { get; set; }
    public int Actions { get; set; }
    public int ProgrammedActions { get; set; }
    public int CompletedActions { get; set; }

    public OfficialCount ToCount() =>
        new(Activities, ProgrammedActivities, CompletedActivities, Actions, ProgrammedActions, CompletedActions);
}

public sealed class ActionComplianceStateConfiguration : IEntityTypeConfiguration<ActionComplianceState>
{
    public void Configure(EntityTypeBuilder<ActionComplianceState> b)
    {
        b.HasKey(s => s.ActionId);
        b.Property(s => s.ActionId).ValueGeneratedNever();
        b.HasOne<PlanAction>().WithMany().HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.PlanId, s.ComponentId, s.ActivityId });
    }
}

public sealed class PlanComplianceStateConfiguration : IEntityTypeConfiguration<PlanComplianceState>
{
    public void Configure(EntityTypeBuilder<PlanComplianceState> b)
    {
        b.HasKey(s => s.PlanId);
        b.Property(s => s.PlanId).ValueGeneratedNever();
        b.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanProgressStateConfiguration : IEntityTypeConfiguration<PlanProgressState>
{
    public void Configure(EntityTypeBuilder<PlanProgressState> b)
    {
        b.HasKey(s => new { s.PlanId, s.Months });
        b.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanOfficialStateConfiguration : IEntityTypeConfiguration<PlanOfficialState>
{
    public void Configure(EntityTypeBuilder<PlanOfficialState> b)
    {
        b.HasKey(s => new { s.PlanId, s.Months });
        b.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
