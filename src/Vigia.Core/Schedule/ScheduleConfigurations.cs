using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Schedule;

public sealed class ScheduleEntryConfiguration : IEntityTypeConfiguration<ScheduleEntry>
{
    public void Configure(EntityTypeBuilder<ScheduleEntry> b)
    {
        b.HasOne(s => s.Action).WithMany(a => a.Schedule).HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ActionId, s.Month }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_ScheduleEntries_Month", "\"Month\" BETWEEN 1 AND 12"));
    }
}
