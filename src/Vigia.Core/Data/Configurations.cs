using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigia.Core.Audit;
using Vigia.Core.Domain;

namespace Vigia.Core.Data;

public sealed class EntityConfiguration : IEntityTypeConfiguration<Entity>
{
    public void Configure(EntityTypeBuilder<Entity> b)
    {
        b.Property(e => e.Name).HasMaxLength(300);
        b.Property(e => e.Slug).HasMaxLength(100);
        b.HasIndex(e => e.Slug).IsUnique();
    }
}

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(400);
        b.Property(u => u.NormalizedName).HasMaxLength(400);
        b.HasOne(u => u.Entity).WithMany(e => e.Units).HasForeignKey(u => u.EntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.EntityId, u.ParentId, u.NormalizedName });
    }
}

public sealed class ProcessConfiguration : IEntityTypeConfiguration<Process>
{
    public void Configure(EntityTypeBuilder<Process> b)
    {
        b.Property(p => p.Name).HasMaxLength(300);
        b.HasOne(p => p.Entity).WithMany().HasForeignKey(p => p.EntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.OwnerUnit).WithMany().HasForeignKey(p => p.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

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
    }
}

public sealed class SubcomponentConfiguration : IEntityTypeConfiguration<Subcomponent>
{
    public void Configure(EntityTypeBuilder<Subcomponent> b)
    {
        b.Property(s => s.Code).HasMaxLength(20);
        b.Property(s => s.Name).HasMaxLength(300);
        b.HasOne(s => s.Component).WithMany(c => c.Subcomponents).HasForeignKey(s => s.ComponentId).OnDelete(DeleteBehavior.Cascade);
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
    }
}

public sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.ToTable("Actions");
        b.HasOne(a => a.Activity).WithMany(a => a.Actions).HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
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

public sealed class ScheduleEntryConfiguration : IEntityTypeConfiguration<ScheduleEntry>
{
    public void Configure(EntityTypeBuilder<ScheduleEntry> b)
    {
        b.HasOne(s => s.Action).WithMany(a => a.Schedule).HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ActionId, s.Month }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_ScheduleEntries_Month", "\"Month\" BETWEEN 1 AND 12"));
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // No foreign keys: the trail outlives whatever it describes.
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.UserId);
        b.HasIndex(e => e.OccurredAt);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(300);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(200);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
    }
}
