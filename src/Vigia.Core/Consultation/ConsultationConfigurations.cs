using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Consultation;

public sealed class PlanConsultationConfiguration : IEntityTypeConfiguration<PlanConsultation>
{
    public void Configure(EntityTypeBuilder<PlanConsultation> b)
    {
        b.HasOne(c => c.Plan).WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.PlanId, c.VersionNumber });
        b.Property(c => c.OpenedBy).HasMaxLength(300);
        b.Property(c => c.ClosedBy).HasMaxLength(300);
        b.Ignore(c => c.ClosedEarly);
    }
}

public sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> b)
    {
        b.HasOne(c => c.Consultation).WithMany(c => c.Comments).HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.DuplicateOf).WithMany().HasForeignKey(c => c.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ConsultationId, c.Number }).IsUnique();
        b.Property(c => c.TargetLabel).HasMaxLength(600);
        b.Property(c => c.Text).HasMaxLength(ConsultationRules.MaxCommentLength);
        b.Property(c => c.AuthorName).HasMaxLength(ConsultationRules.MaxNameLength);
        b.Property(c => c.Organisation).HasMaxLength(ConsultationRules.MaxNameLength);
        b.Property(c => c.Email).HasMaxLength(ConsultationRules.MaxEmailLength);
        b.Property(c => c.Answer).HasMaxLength(ConsultationRules.MaxAnswerLength);
        b.Property(c => c.AnsweredBy).HasMaxLength(300);
        b.Property(c => c.ChangedActionLabel).HasMaxLength(600);
        b.Property(c => c.HiddenReason).HasMaxLength(ConsultationRules.MaxReasonLength);
        b.Ignore(c => c.IsHidden);
    }
}
