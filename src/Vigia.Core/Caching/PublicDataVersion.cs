using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Caching;

/// <summary>The one row that says whether anything a public page shows has changed: every save that adds, changes or
/// deletes such a row gives it a new <see cref="Stamp"/> in the same transaction
/// (<see cref="PublicDataVersionInterceptor"/>). Every web instance keys its cached public pages by the stamp it last
/// read, so a change committed through any instance, the command line or a job is seen by all of them (ADR 021).</summary>
/// <remarks>Not audited: it is bookkeeping derived from the changes that are.</remarks>
public class PublicDataVersion
{
    public const int SingletonId = 1;

    /// <summary>The stamp the migration writes, before the first change.</summary>
    public const string InitialStamp = "inicial";

    public int Id { get; set; }

    /// <summary>A new random value on every change; only equality matters, so concurrent writers cannot lose one.</summary>
    public required string Stamp { get; set; }

    /// <summary>When the last change was saved: the pages' <c>Last-Modified</c>.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class PublicDataVersionConfiguration : IEntityTypeConfiguration<PublicDataVersion>
{
    public void Configure(EntityTypeBuilder<PublicDataVersion> b)
    {
        b.ToTable("PublicDataVersions");
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.Stamp).HasMaxLength(32);
        // The row exists from the first migration, so the interceptor only ever updates it: two first writers
        // cannot both insert it.
        b.HasData(new PublicDataVersion
        {
            Id = PublicDataVersion.SingletonId,
            Stamp = PublicDataVersion.InitialStamp,
            ChangedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
    }
}
