using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigia.Core.Organisation;

namespace Vigia.Core.RiskMap;

/// <summary>
/// One version of an entity's corruption risk map of a year. Version 1 is created when Planeación first publishes the
/// map; each later version is opened as a draft with the reason for the change and published like the first.
/// </summary>
/// <remarks>The live risks are the working copy; citizens read <see cref="Snapshot"/>, the map as it stood when the
/// version was published, so edits made afterwards (in a later draft) never reach the public until published.</remarks>
public class RiskMapVersion
{
    public int Id { get; set; }
    public int EntityId { get; set; }
    public Entity? Entity { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    /// <summary>Why the published map changes; null for version 1, which is the map itself.</summary>
    public string? Justification { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Null while the version is a draft.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    /// <summary>Who approved the map (name and post), e.g. the Comité Institucional de Coordinación de Control Interno.</summary>
    public string? ApprovedBy { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    /// <summary>How the approval is evidenced, e.g. «Acta 02 del comité».</summary>
    public string? ApprovalNote { get; set; }
    /// <summary>The map's content frozen at publication (<see cref="RiskMapSnapshot"/> as JSON); null while a draft.</summary>
    public string? Snapshot { get; set; }
    public string? SnapshotSha256 { get; set; }

    public bool IsPublished => PublishedAt is not null;
}

public sealed class RiskMapVersionConfiguration : IEntityTypeConfiguration<RiskMapVersion>
{
    public void Configure(EntityTypeBuilder<RiskMapVersion> b)
    {
        b.Property(v => v.Justification).HasMaxLength(4000);
        b.Property(v => v.CreatedBy).HasMaxLength(300);
        b.Property(v => v.PublishedBy).HasMaxLength(300);
        b.Property(v => v.ApprovedBy).HasMaxLength(300);
        b.Property(v => v.ApprovalNote).HasMaxLength(300);
        b.Property(v => v.SnapshotSha256).HasMaxLength(64);
        b.Ignore(v => v.IsPublished);
        b.HasOne(v => v.Entity).WithMany().HasForeignKey(v => v.EntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.EntityId, v.Year, v.Number }).IsUnique();
    }
}
