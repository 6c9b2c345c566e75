using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Audit;

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
        b.Property(e => e.KeyId).HasMaxLength(64);
    }
}
