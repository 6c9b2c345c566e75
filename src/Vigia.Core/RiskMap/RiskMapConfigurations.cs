using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigia.Core.Plans;

namespace Vigia.Core.RiskMap;

public sealed class RiskMethodConfiguration : IEntityTypeConfiguration<RiskMethod>
{
    public void Configure(EntityTypeBuilder<RiskMethod> b)
    {
        b.Property(m => m.Code).HasMaxLength(40);
        b.Property(m => m.Name).HasMaxLength(300);
        b.Property(m => m.Sha256).HasMaxLength(64);
        b.HasIndex(m => new { m.Code, m.Revision }).IsUnique();
    }
}

public sealed class RiskConfiguration : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> b)
    {
        b.Property(r => r.Code).HasMaxLength(40);
        b.Property(r => r.Description).HasMaxLength(2000);
        b.Property(r => r.Classification).HasMaxLength(200);
        b.Property(r => r.ImmediateCause).HasMaxLength(2000);
        b.Property(r => r.RootCause).HasMaxLength(2000);
        b.Property(r => r.Consequences).HasMaxLength(2000);
        b.Property(r => r.ImpactAnswers).HasMaxLength(100);
        b.Property(r => r.InherentZone).HasMaxLength(40);
        b.Property(r => r.ResidualZone).HasMaxLength(40);
        b.Property(r => r.Treatment).HasMaxLength(40);
        b.Ignore(r => r.Elements);
        b.HasOne(r => r.Process).WithMany().HasForeignKey(r => r.ProcessId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Method).WithMany().HasForeignKey(r => r.MethodId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ProcessId, r.Year, r.Code }).IsUnique();
    }
}

public sealed class RiskControlConfiguration : IEntityTypeConfiguration<RiskControl>
{
    public void Configure(EntityTypeBuilder<RiskControl> b)
    {
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.ResponsiblePost).HasMaxLength(300);
        b.Property(c => c.Type).HasMaxLength(40);
        b.Property(c => c.Implementation).HasMaxLength(40);
        b.Property(c => c.Documentation).HasMaxLength(40);
        b.Property(c => c.Frequency).HasMaxLength(40);
        b.Property(c => c.Evidence).HasMaxLength(40);
        b.HasOne(c => c.Risk).WithMany(r => r.Controls).HasForeignKey(c => c.RiskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.RiskId, c.Number }).IsUnique();
    }
}

public sealed class RiskTreatmentActionConfiguration : IEntityTypeConfiguration<RiskTreatmentAction>
{
    public void Configure(EntityTypeBuilder<RiskTreatmentAction> b)
    {
        b.Property(a => a.Description).HasMaxLength(2000);
        b.Property(a => a.Deliverable).HasMaxLength(1000);
        b.Property(a => a.Indicator).HasMaxLength(1000);
        b.HasOne(a => a.Risk).WithMany(r => r.Actions).HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.ResponsibleUnit).WithMany().HasForeignKey(a => a.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        // By id only: the plan owns its actions; the risk map points at one, it never copies or changes it.
        b.HasOne<PlanAction>().WithMany().HasForeignKey(a => a.PlanActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> b)
    {
        b.Property(a => a.ImpactAnswers).HasMaxLength(100);
        b.Property(a => a.InherentZone).HasMaxLength(40);
        b.Property(a => a.ResidualZone).HasMaxLength(40);
        b.Property(a => a.ReplacedByName).HasMaxLength(300);
        b.Property(a => a.ReplacementReason).HasMaxLength(2000);
        b.HasOne(a => a.Risk).WithMany(r => r.PastAssessments).HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Method).WithMany().HasForeignKey(a => a.MethodId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.RiskId, a.Number }).IsUnique();
    }
}
