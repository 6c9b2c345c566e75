using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.FollowUps;

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.ToTable("FollowUps");
        b.HasOne(f => f.Plan).WithMany().HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FollowUp>().WithMany().HasForeignKey(f => f.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.PlanId, f.CutOffDate, f.Version }).IsUnique();
        b.Property(f => f.CorrectionReason).HasMaxLength(2000);
        b.Property(f => f.CreatedByName).HasMaxLength(200);
        b.Property(f => f.ClosedByName).HasMaxLength(200);
        b.Property(f => f.PublishedByName).HasMaxLength(200);
        b.Property(f => f.SnapshotSha256).HasMaxLength(64);
        b.Property(f => f.ComplianceBand).HasMaxLength(10);
    }
}

public sealed class FollowUpAssessmentConfiguration : IEntityTypeConfiguration<FollowUpAssessment>
{
    public void Configure(EntityTypeBuilder<FollowUpAssessment> b)
    {
        b.ToTable("FollowUpAssessments");
        b.HasOne(a => a.FollowUp).WithMany(f => f.Assessments).HasForeignKey(a => a.FollowUpId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.FollowUpId, a.ActionId }).IsUnique();
        b.Property(a => a.Observations).HasMaxLength(4000);
        b.Property(a => a.AssessedByName).HasMaxLength(200);
    }
}

public sealed class FollowUpComponentNoteConfiguration : IEntityTypeConfiguration<FollowUpComponentNote>
{
    public void Configure(EntityTypeBuilder<FollowUpComponentNote> b)
    {
        b.ToTable("FollowUpComponentNotes");
        b.HasOne(n => n.FollowUp).WithMany(f => f.ComponentNotes).HasForeignKey(n => n.FollowUpId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.FollowUpId, n.ComponentNumber }).IsUnique();
        b.Property(n => n.Observations).HasMaxLength(4000);
        b.Property(n => n.UpdatedByName).HasMaxLength(200);
    }
}
