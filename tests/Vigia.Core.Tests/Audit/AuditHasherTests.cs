using Vigia.Core.Audit;

namespace Vigia.Core.Tests.Audit;

public class AuditHasherTests
{
    private static AuditEntry Sample() => new()
    {
        Sequence = 7,
        OccurredAt = new DateTimeOffset(2024, 5, 3, 14, 15, 16, ColombianTime.Offset).AddTicks(1234567),
        UserId = "u-1",
        ActorName = "Ana Pérez",
        EntityType = "Plan",
        EntityId = "1",
        Action = AuditAction.Updated,
        Changes = """{"Title":{"before":"a","after":"b"}}""",
        Reason = "Ajuste",
        PreviousHash = AuditHasher.GenesisHash,
        Hash = "",
    };

    [Fact]
    public void Hash_IsLowerHexSha256AndStable()
    {
        var hash = AuditHasher.ComputeHash(Sample());

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, AuditHasher.ComputeHash(Sample()));
    }

    [Fact]
    public void Hash_DependsOnEveryField()
    {
        var original = AuditHasher.ComputeHash(Sample());
        var variants = new Action<AuditEntry>[]
        {
            e => e.Sequence = 8,
            e => e.OccurredAt = e.OccurredAt.AddTicks(10),
            e => e.UserId = null,
            e => e.ActorName = "Ana Perez",
            e => e.EntityType = "Component",
            e => e.EntityId = "2",
            e => e.Action = AuditAction.Deleted,
            e => e.Changes = "{}",
            e => e.Reason = null,
            e => e.PreviousHash = new string('1', 64),
        };

        foreach (var change in variants)
        {
            var entry = Sample();
            change(entry);
            Assert.NotEqual(original, AuditHasher.ComputeHash(entry));
        }
    }

    [Fact]
    public void Hash_SeparatesFields_SoShiftingTextBetweenThemChangesIt()
    {
        var a = Sample();
        a.ActorName = "Ana";
        a.EntityType = "Plan";
        var b = Sample();
        b.ActorName = "AnaPl";
        b.EntityType = "an";

        Assert.NotEqual(AuditHasher.ComputeHash(a), AuditHasher.ComputeHash(b));
    }

    [Fact]
    public void Hash_IgnoresOffsetAndSubMicrosecondTicks()
    {
        var local = Sample();
        var utc = Sample();
        utc.OccurredAt = AuditHasher.Normalize(local.OccurredAt);

        Assert.Equal(AuditHasher.ComputeHash(local), AuditHasher.ComputeHash(utc));
        Assert.Equal(TimeSpan.Zero, utc.OccurredAt.Offset);
        Assert.Equal("2024-05-03T19:15:16.123456Z", AuditHasher.FormatTimestamp(local.OccurredAt));
    }

    [Fact]
    public void Hash_IsTheSameInEveryCulture()
    {
        var expected = AuditHasher.ComputeHash(Sample());
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Assert.Equal(expected, AuditHasher.ComputeHash(Sample()));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
