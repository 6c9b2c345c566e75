using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.RiskMap.Tracking;

public sealed class ControlMonitoringConfiguration : IEntityTypeConfiguration<ControlMonitoring>
{
    public void Configure(EntityTypeBuilder<ControlMonitoring> b)
    {
        b.HasOne(m => m.Control).WithMany().HasForeignKey(m => m.ControlId).OnDelete(DeleteBehavior.Restrict);
        // At most one live monitoring per control and month: an answer to a return supersedes it, and a
        // double-submitted form cannot leave two.
        b.HasIndex(m => new { m.ControlId, m.Month }, "IX_ControlMonitorings_Live").IsUnique().HasFilter("\"Status\" <> 'Superseded'");
        b.Property(m => m.Status).IsConcurrencyToken();
        b.Property(m => m.Note).HasMaxLength(4000);
        b.Property(m => m.ReviewComment).HasMaxLength(2000);
        b.Property(m => m.SubmittedByName).HasMaxLength(200);
        b.Property(m => m.ReviewedByName).HasMaxLength(200);
        b.ToTable(t => t.HasCheckConstraint("CK_ControlMonitorings_Month", "\"Month\" BETWEEN 1 AND 12"));
    }
}

public sealed class RiskEvidenceConfiguration : IEntityTypeConfiguration<RiskEvidence>
{
    public void Configure(EntityTypeBuilder<RiskEvidence> b)
    {
        b.HasOne(e => e.Monitoring).WithMany(m => m.Evidence).HasForeignKey(e => e.MonitoringId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Materialization).WithMany(m => m.Evidence).HasForeignKey(e => e.MaterializationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.FileName).HasMaxLength(260);
        b.Property(e => e.StorageKey).HasMaxLength(100);
        b.Property(e => e.ContentType).HasMaxLength(120);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.Url).HasMaxLength(2000);
        b.ToTable(t => t.HasCheckConstraint("CK_RiskEvidence_OneOwner",
            "(\"MonitoringId\" IS NULL) <> (\"MaterializationId\" IS NULL)"));
    }
}

public sealed class RiskMaterializationConfiguration : IEntityTypeConfiguration<RiskMaterialization>
{
    public void Configure(EntityTypeBuilder<RiskMaterialization> b)
    {
        b.HasOne(m => m.Risk).WithMany().HasForeignKey(m => m.RiskId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Description).HasMaxLength(4000);
        b.Property(m => m.RecordedByName).HasMaxLength(200);
        b.Property(m => m.ReassessedByName).HasMaxLength(200);
        b.Property(m => m.ReassessmentNote).HasMaxLength(4000);
        b.Property(m => m.ReassessedInherentZone).HasMaxLength(40);
        b.Property(m => m.ReassessedResidualZone).HasMaxLength(40);
        b.Property(m => m.CorrectionReason).HasMaxLength(2000);
        b.Property(m => m.WithdrawnByName).HasMaxLength(200);
        b.Property(m => m.WithdrawalReason).HasMaxLength(2000);
    }
}

public sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> b)
    {
        b.HasOne(a => a.Materialization).WithMany(m => m.Actions).HasForeignKey(a => a.MaterializationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.ResponsibleUnit).WithMany().HasForeignKey(a => a.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Description).HasMaxLength(2000);
        b.Property(a => a.Deliverable).HasMaxLength(1000);
    }
}
