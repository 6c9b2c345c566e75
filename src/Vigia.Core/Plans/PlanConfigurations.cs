using Microsoft.EntityFrameworkCore.Metadata.Builders;


namespace Vigia.Core.Plans;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.DocumentCode).HasMaxLength(100);
        b.HasOne(p => p.Entity).WithMany(e => e.Plans).HasForeignKey(p => p.EntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.EntityId, p.Kind, p.Year }).IsUnique();
    }
}

public sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.HasOne(v => v.Plan).WithMany(p => p.Versions).HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        b.Property(v => v.SourceFileName).HasMaxLength(300);
        b.Property(v => v.SourceSha256).HasMaxLength(64);
        b.Property(v => v.CreatedBy).HasMaxLength(300);
        b.Property(v => v.ApprovedBy).HasMaxLength(300);
        b.Property(v => v.ApprovalNote).HasMaxLength(300);
        b.Property(v => v.ReviewAcceptanceReason).HasMaxLength(PlanLifecycleService.MaxReviewReasonLength);
        b.HasMany(v => v.ImportNotes).WithOne().HasForeignKey(n => n.PlanVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ComponentConfiguration : IEntityTypeConfiguration<Component>
{
    public void Configure(EntityTypeBuilder<Component> b)
    {
        b.Property(c => c.Name).HasMaxLength(300);
        b.HasOne(c => c.Plan).WithMany(p => p.Components).HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.PlanId, c.Number }).IsUnique();
        // A part removed by a published revision stays for its history and is hidden from every read of the plan (ADR 033).
        b.HasQueryFilter(c => c.RemovedInVersion == null);
    }
}

public sealed class SubcomponentConfiguration : IEntityTypeConfiguration<Subcomponent>
{
    public void Configure(EntityTypeBuilder<Subcomponent> b)
    {
        b.Property(s => s.Code).HasMaxLength(20);
        b.Property(s => s.Name).HasMaxLength(300);
        b.HasOne(s => s.Component).WithMany(c => c.Subcomponents).HasForeignKey(s => s.ComponentId).OnDelete(DeleteBehavior.Cascade);
        b.HasQueryFilter(s => s.RemovedInVersion == null);
    }
}

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.Property(a => a.Code).HasMaxLength(20);
        b.HasOne(a => a.Component).WithMany(c => c.Activities).HasForeignKey(a => a.ComponentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Subcomponent).WithMany(s => s.Activities).HasForeignKey(a => a.SubcomponentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ComponentId, a.Code });
        b.HasQueryFilter(a => a.RemovedInVersion == null);
    }
}

public sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.ToTable("Actions");
        b.HasOne(a => a.Activity).WithMany(a => a.Actions).HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasQueryFilter(a => a.RemovedInVersion == null);
    }
}

public sealed class ActionUnitConfiguration : IEntityTypeConfiguration<ActionUnit>
{
    public void Configure(EntityTypeBuilder<ActionUnit> b)
    {
        b.HasKey(x => new { x.ActionId, x.UnitId });
        b.HasOne(x => x.Action).WithMany(a => a.ResponsibleUnits).HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

