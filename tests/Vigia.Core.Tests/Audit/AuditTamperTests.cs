using Vigia.Cli.Commands;
using Vigia.Core.Audit;

namespace Vigia.Core.Tests.Audit;

/// <summary>Rows changed, deleted and inserted with SQL behind the application's back; the verifier and
/// <c>audit verify</c> must name the first bad entry.</summary>
public abstract class AuditTamperTests(DatabaseProvider provider) : AuditDatabaseTests(provider)
{
    private async Task WriteFiveEntriesAsync()
    {
        for (var i = 1; i <= 5; i++)
        {
            await CreateEntityAsync($"Entidad {i}", $"entidad-{i}");
        }
    }

    private async Task<AuditVerification> VerifyAsync(int batchSize = AuditVerifier.DefaultBatchSize)
    {
        await using var db = Raw();
        return await AuditVerifier.VerifyAsync(db, batchSize);
    }

    private async Task SqlAsync(FormattableString sql)
    {
        await using var db = Raw();
        await db.Database.ExecuteSqlAsync(sql);
    }

    [Fact]
    public async Task Verify_UntouchedChain_IsOk()
    {
        await CreatePlanAsync();
        await WriteFiveEntriesAsync();

        var result = await VerifyAsync(batchSize: 4);

        var entries = await EntriesAsync();
        Assert.True(result.Ok, result.FirstBreak?.Message);
        Assert.Equal(entries.Count, result.Count);
        Assert.Equal(entries[^1].Hash, result.LastHash);
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
    }

    [Fact]
    public async Task Verify_EmptyTrail_IsOk()
    {
        var result = await VerifyAsync();

        Assert.True(result.Ok);
        Assert.Equal(0, result.Count);
    }

    [Fact]
    public async Task Tamper_ChangedValue_IsNamedAsAltered()
    {
        await WriteFiveEntriesAsync();

        await SqlAsync($"UPDATE \"AuditEntries\" SET \"Changes\" = REPLACE(\"Changes\", 'Entidad 3', 'Entidad X') WHERE \"Sequence\" = 3");

        var result = await VerifyAsync(batchSize: 2);
        Assert.False(result.Ok);
        Assert.Equal(AuditBreakKind.Altered, result.FirstBreak!.Kind);
        Assert.Equal(3, result.FirstBreak.Sequence);
        Assert.Contains("entrada 3 fue alterada", result.FirstBreak.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Count);
    }

    [Fact]
    public async Task Tamper_ChangedActor_IsNamedAsAltered()
    {
        await WriteFiveEntriesAsync();

        await SqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = 'otra persona' WHERE \"Sequence\" = 4");

        var result = await VerifyAsync();
        Assert.Equal((4L, AuditBreakKind.Altered), (result.FirstBreak!.Sequence, result.FirstBreak.Kind));
    }

    [Fact]
    public async Task Tamper_DeletedMiddleRow_IsNamedAsMissing()
    {
        await WriteFiveEntriesAsync();

        await SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3");

        var result = await VerifyAsync(batchSize: 2);
        Assert.False(result.Ok);
        Assert.Equal(AuditBreakKind.Missing, result.FirstBreak!.Kind);
        Assert.Equal(3, result.FirstBreak.Sequence);
        Assert.Null(result.FirstBreak.EntryId);
        Assert.Equal("Falta la entrada 3: fue eliminada.", result.FirstBreak.Message);
    }

    [Fact]
    public async Task Tamper_DeletedFirstRow_IsNamedAsMissing()
    {
        await WriteFiveEntriesAsync();

        await SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 1");

        var result = await VerifyAsync();
        Assert.Equal((1L, AuditBreakKind.Missing), (result.FirstBreak!.Sequence, result.FirstBreak.Kind));
    }

    [Fact]
    public async Task Tamper_ForgedRowInsertedInTheMiddle_IsNamedAsOutOfOrder()
    {
        await WriteFiveEntriesAsync();
        var second = (await EntriesAsync())[1];
        // A forger who knows the algorithm: makes room at 3 and writes a row that hashes correctly
        // and links to entry 2.
        await SqlAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = -\"Sequence\" WHERE \"Sequence\" >= 3");
        await SqlAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = 1 - \"Sequence\" WHERE \"Sequence\" < 0");
        var forged = new AuditEntry
        {
            Sequence = 3,
            OccurredAt = second.OccurredAt,
            ActorName = "sistema",
            EntityType = "Entity",
            EntityId = "99",
            Action = AuditAction.Deleted,
            Changes = "{}",
            PreviousHash = second.Hash,
            Hash = "",
        };
        forged.Hash = AuditHasher.ComputeHash(forged);
        var action = forged.Action.ToString();
        await SqlAsync($"""
            INSERT INTO "AuditEntries" ("Sequence", "OccurredAt", "UserId", "ActorName", "EntityType", "EntityId", "Action", "Changes", "Reason", "PreviousHash", "Hash")
            VALUES ({forged.Sequence}, {forged.OccurredAt}, NULL, {forged.ActorName}, {forged.EntityType}, {forged.EntityId}, {action}, {forged.Changes}, NULL, {forged.PreviousHash}, {forged.Hash})
            """);

        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Equal(AuditBreakKind.OutOfOrder, result.FirstBreak!.Kind);
        Assert.Equal(3, result.FirstBreak.Sequence);
        Assert.Contains("insertada fuera de orden", result.FirstBreak.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tamper_SwappedSequences_IsNamedAsOutOfOrder()
    {
        await WriteFiveEntriesAsync();

        await SqlAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 2");
        await SqlAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = 2 WHERE \"Sequence\" = 4");
        await SqlAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = 4 WHERE \"Sequence\" = -1");

        var result = await VerifyAsync();
        Assert.Equal((2L, AuditBreakKind.OutOfOrder), (result.FirstBreak!.Sequence, result.FirstBreak.Kind));
    }

    [Fact]
    public async Task Tamper_AlteredAndRehashedEntry_BreaksTheChainAtTheNext()
    {
        await WriteFiveEntriesAsync();
        var third = (await EntriesAsync())[2];
        third.Changes = third.Changes.Replace("Entidad 3", "Entidad X", StringComparison.Ordinal);
        var rehashed = AuditHasher.ComputeHash(third);

        await SqlAsync($"UPDATE \"AuditEntries\" SET \"Changes\" = {third.Changes}, \"Hash\" = {rehashed} WHERE \"Sequence\" = 3");

        var result = await VerifyAsync();
        Assert.Equal((4L, AuditBreakKind.ChainBroken), (result.FirstBreak!.Sequence, result.FirstBreak.Kind));
        Assert.Contains("Encadenamiento roto", result.FirstBreak.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tamper_DeletedLastRow_ShowsOnlyAgainstTheRecordedHead()
    {
        await WriteFiveEntriesAsync();
        var head = await VerifyAsync();

        await SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 5");

        // A chain cannot know its own end: the head kept outside the database is what reveals this.
        var result = await VerifyAsync();
        Assert.True(result.Ok);
        Assert.Equal(5, head.LastSequence);
        Assert.Equal(4, result.LastSequence);
    }

    [Fact]
    public async Task Command_IntactChain_ExitsZero()
    {
        await WriteFiveEntriesAsync();
        await using var db = Raw();
        var output = new StringWriter();

        var exit = await new AuditVerifyCommand(db, output).RunAsync();

        Assert.Equal(0, exit);
        Assert.Contains("íntegro: 5 entradas", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_TamperedChain_ExitsNonZeroAndNamesTheEntry()
    {
        await WriteFiveEntriesAsync();
        await SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2");
        await using var db = Raw();
        var output = new StringWriter();

        var exit = await new AuditVerifyCommand(db, output).RunAsync();

        Assert.NotEqual(0, exit);
        Assert.Contains("Primera entrada con problemas: 2.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Falta la entrada 2", output.ToString(), StringComparison.Ordinal);
    }
}

public class SqliteAuditTamperTests() : AuditTamperTests(DatabaseProvider.Sqlite);

public class PostgresAuditTamperTests() : AuditTamperTests(DatabaseProvider.Postgres);
