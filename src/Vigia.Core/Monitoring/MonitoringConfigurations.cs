using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Monitoring;

public sealed class MonitoringRecordConfiguration : IEntityTypeConfiguration<MonitoringRecord>
{
    public void Configure(EntityTypeBuilder<MonitoringRecord> builder)
    {
        builder.HasOne(m => m.Component).WithMany().HasForeignKey(m => m.ComponentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ComponentId, m.Month }).IsUnique();
        builder.Property(m => m.ClosedByName).HasMaxLength(200);
        builder.Property(m => m.Summary).HasMaxLength(4000);
    }
}
