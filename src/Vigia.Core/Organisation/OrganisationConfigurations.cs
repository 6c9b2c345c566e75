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
        b.Property(e => e.JudicialNoticeEmail).HasMaxLength(EntityContacts.EmailMaxLength);
        b.HasIndex(e => e.Slug).IsUnique();
        b.HasOne(e => e.Department).WithMany(d => d.Entities).HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.HostEntity).WithMany().HasForeignKey(e => e.HostEntityId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Code).HasMaxLength(2);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.Slug).HasMaxLength(60);
        b.HasIndex(d => d.Code).IsUnique();
        b.HasIndex(d => d.Slug).IsUnique();
        b.HasData(Departments.All.Select(d => new { d.Id, d.Code, d.Name, d.Slug }));
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
