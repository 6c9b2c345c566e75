using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Organisation;

public sealed class UnitGroupConfiguration : IEntityTypeConfiguration<UnitGroup>
{
    public void Configure(EntityTypeBuilder<UnitGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(300);
        b.Property(g => g.RuleKey).HasMaxLength(60);
        b.HasOne(g => g.Entity).WithMany().HasForeignKey(g => g.EntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(g => new { g.EntityId, g.RuleKey }).IsUnique();
    }
}

public sealed class UnitGroupSpellingConfiguration : IEntityTypeConfiguration<UnitGroupSpelling>
{
    public void Configure(EntityTypeBuilder<UnitGroupSpelling> b)
    {
        b.Property(s => s.Text).HasMaxLength(400);
        b.Property(s => s.NormalizedText).HasMaxLength(400);
        b.HasOne(s => s.Group).WithMany(g => g.Spellings).HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.GroupId, s.NormalizedText }).IsUnique();
    }
}

public sealed class UnitGroupMemberConfiguration : IEntityTypeConfiguration<UnitGroupMember>
{
    public void Configure(EntityTypeBuilder<UnitGroupMember> b)
    {
        b.HasKey(m => new { m.GroupId, m.UnitId });
        b.HasOne(m => m.Group).WithMany(g => g.Members).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ActionUnitGroupConfiguration : IEntityTypeConfiguration<ActionUnitGroup>
{
    public void Configure(EntityTypeBuilder<ActionUnitGroup> b)
    {
        b.HasKey(x => new { x.ActionId, x.GroupId });
        b.Property(x => x.Spelling).HasMaxLength(400);
        b.HasOne(x => x.Action).WithMany(a => a.ResponsibleGroups).HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Group).WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
