using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Progress;

public sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.HasOne(r => r.Action).WithMany().HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Corrects).WithMany().HasForeignKey(r => r.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ActionId, r.Month });
        // At most one live report per action and month: a correction supersedes the report it corrects, and a
        // double-submitted form cannot leave two.
        builder.HasIndex(r => new { r.ActionId, r.Month }, "IX_ProgressReports_Live").IsUnique()
            .HasFilter("\"Status\" <> 'Superseded' AND \"UnitId\" IS NULL");
        // A collective action has one live report per part (unit) and month.
        builder.HasIndex(r => new { r.ActionId, r.UnitId, r.Month }, "IX_ProgressReports_LivePart").IsUnique()
            .HasFilter("\"Status\" <> 'Superseded' AND \"UnitId\" IS NOT NULL");
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        // A review and an edit of the same report cannot both win: each update checks the status it read.
        builder.Property(r => r.Status).IsConcurrencyToken();
        builder.Property(r => r.Narrative).HasMaxLength(4000);
        builder.Property(r => r.CorrectionReason).HasMaxLength(2000);
        builder.Property(r => r.ReviewComment).HasMaxLength(2000);
        builder.Property(r => r.SubmittedByName).HasMaxLength(200);
        builder.Property(r => r.ReviewedByName).HasMaxLength(200);
        builder.ToTable(t => t.HasCheckConstraint("CK_ProgressReports_Month", "\"Month\" BETWEEN 1 AND 12"));
    }
}

public sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.HasOne(e => e.Report).WithMany(r => r.Evidence).HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.FileName).HasMaxLength(260);
        builder.Property(e => e.StorageKey).HasMaxLength(100);
        builder.Property(e => e.ContentType).HasMaxLength(120);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.Url).HasMaxLength(2000);
    }
}

