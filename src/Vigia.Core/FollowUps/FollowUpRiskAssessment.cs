using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigia.Core.RiskMap;

namespace Vigia.Core.FollowUps;

/// <summary>Control Interno's independent judgement of one risk of the map at a cut-off: are its controls
/// effective, and what it observed. Part of the follow-up version, like the actions' assessments.</summary>
public class FollowUpRiskAssessment
{
    public int Id { get; set; }
    public int FollowUpId { get; set; }
    public FollowUp? FollowUp { get; set; }
    public int RiskId { get; set; }
    public bool Effective { get; set; }
    public string? Observations { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
    public string? AssessedById { get; set; }
    public string? AssessedByName { get; set; }
}

public sealed class FollowUpRiskAssessmentConfiguration : IEntityTypeConfiguration<FollowUpRiskAssessment>
{
    public void Configure(EntityTypeBuilder<FollowUpRiskAssessment> b)
    {
        b.HasOne(a => a.FollowUp).WithMany().HasForeignKey(a => a.FollowUpId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Risk>().WithMany().HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.FollowUpId, a.RiskId }).IsUnique();
        b.Property(a => a.Observations).HasMaxLength(4000);
        b.Property(a => a.AssessedByName).HasMaxLength(200);
    }
}
