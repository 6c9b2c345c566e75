using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigia.Core.Organisation;

namespace Vigia.Core.Consultation;

/// <summary>A person who asked, with their e-mail, to hear when an entity opens a citizen consultation and when its report
/// is published. As little as possible is kept: the address, the entity, when the link was asked for (so it can expire),
/// when it was confirmed, and the SHA-256 of the pending confirmation link. The address is personal data: it is never
/// published, never in open data, and hidden in the audit trail (<see cref="Audit.AuditOptions.RedactedProperties"/>).
/// Unsubscribing deletes the row.</summary>
public class ConsultationSubscriber
{
    public int Id { get; set; }
    public int EntityId { get; set; }
    public Entity? Entity { get; set; }
    /// <summary>Trimmed and in lower case, so one address subscribes once per entity.</summary>
    public required string Email { get; set; }
    /// <summary>SHA-256 (hex) of the pending confirmation link's token; null once confirmed (the link is single-use).</summary>
    public string? TokenHash { get; set; }
    /// <summary>When the last confirmation link was sent; it expires <see cref="ConsultationSubscriptions.ConfirmationLifetime"/> later.</summary>
    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>When the person confirmed through the link; only confirmed subscribers are written to.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
}

public sealed class ConsultationSubscriberConfiguration : IEntityTypeConfiguration<ConsultationSubscriber>
{
    public void Configure(EntityTypeBuilder<ConsultationSubscriber> b)
    {
        b.HasOne(s => s.Entity).WithMany().HasForeignKey(s => s.EntityId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Email).HasMaxLength(ConsultationRules.MaxEmailLength);
        b.Property(s => s.TokenHash).HasMaxLength(64);
        b.HasIndex(s => new { s.EntityId, s.Email }).IsUnique();
        b.HasIndex(s => s.TokenHash);
    }
}
