using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Organisation;

public sealed class EntityConfiguration : IEntityTypeConfiguration<Entity>
{
    public void Configure(EntityTypeBuilder<Entity> b)
    {
        b.Property(e => e.Name).HasMaxLength(300);
        b.Property(e => e.Slug).HasMaxLength(100);
        b.Property(e => e.PrivacyPolicy).HasMaxLength(EntityTexts.MaxLength);
        b.Property(e => e.TermsOfUse).HasMaxLength(EntityTexts.MaxLength);
        b.HasIndex(e => e.Slug).IsUnique();
    }
}

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(400);
        b.Property(u => u.NormalizedName).HasMaxLength(400);
        b.HasOne(u => u.Entity).WithMany(e => e.Units).HasForeignKey(u => u.EntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.EntityId, u.ParentId, u.NormalizedName });
    }
}

public sealed class ProcessConfiguration : IEntityTypeConfiguration<Process>
{
    public void Configure(EntityTypeBuilder<Process> b)
    {
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.Objective).HasMaxLength(2000);
        b.HasOne(p => p.Entity).WithMany().HasForeignKey(p => p.EntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.OwnerUnit).WithMany().HasForeignKey(p => p.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProcessLeaderConfiguration : IEntityTypeConfiguration<ProcessLeader>
{
    public void Configure(EntityTypeBuilder<ProcessLeader> b)
    {
        b.HasKey(x => new { x.UserId, x.ProcessId });
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Process).WithMany(p => p.Leaders).HasForeignKey(x => x.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}
