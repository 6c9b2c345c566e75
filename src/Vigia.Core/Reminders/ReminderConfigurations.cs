using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Reminders;

public sealed class ReminderLogConfiguration : IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<ReminderLog> builder)
    {
        builder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        // One reminder of each kind per person and period, even when two app instances run the job at once.
        builder.HasIndex(r => new { r.Kind, r.UserId, r.Period }).IsUnique();
        // Two instances retrying the same reminder: the one whose UPDATE no longer finds the count it read stands down.
        builder.Property(r => r.Attempts).IsConcurrencyToken();
        builder.Property(r => r.Email).HasMaxLength(256);
        builder.Property(r => r.Period).HasMaxLength(20);
        builder.Property(r => r.LastError).HasMaxLength(1000);
    }
}
