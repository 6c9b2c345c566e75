using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;

namespace Vigia.Core.Tests.Audit;

public abstract class AuditInterceptorTests(DatabaseProvider provider) : AuditDatabaseTests(provider)
{
    [Fact]
    public async Task Create_WritesEntryWithAfterValuesAndGeneratedId()
    {
        var entity = await CreateEntityAsync("Alcaldía de Santiago de Cali", "cali");

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal("Entity", entry.EntityType);
        Assert.Equal(entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal("Alcaldía de Santiago de Cali", Field(entry, "Name").GetProperty("after").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Field(entry, "Name").GetProperty("before").ValueKind);
        Assert.Equal(entity.Id, Field(entry, "Id").GetProperty("after").GetInt32());
        Assert.Equal("sistema", entry.ActorName);
        Assert.Null(entry.UserId);
        Assert.Equal(AuditHasher.GenesisHash, entry.PreviousHash);
        Assert.Equal(TimeSpan.Zero, entry.OccurredAt.Offset);
    }

    [Fact]
    public async Task Update_WritesOnlyChangedFieldsWithBeforeAndAfter()
    {
        var created = await CreateEntityAsync("Alcaldía de Cali");
        await using (var db = Audited())
        {
            var entity = await db.Entities.SingleAsync(e => e.Id == created.Id);
            entity.Name = "Alcaldía de Santiago de Cali";
            entity.Phone = "602 885 3000";
            await db.SaveChangesAsync();
        }

        var entry = (await EntriesAsync()).Last();
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Equal(["Name", "Phone"], FieldNames(entry).Order().ToArray());
        Assert.Equal("Alcaldía de Cali", Field(entry, "Name").GetProperty("before").GetString());
        Assert.Equal("Alcaldía de Santiago de Cali", Field(entry, "Name").GetProperty("after").GetString());
        Assert.Equal("602 885 3000", Field(entry, "Phone").GetProperty("after").GetString());
    }

    [Fact]
    public async Task Update_OfDetachedEntity_TakesBeforeValuesFromDatabase()
    {
        var created = await CreateEntityAsync("Alcaldía de Cali", "cali");
        await using (var db = Audited())
        {
            db.Update(new Entity { Id = created.Id, Name = "Alcaldía de Santiago de Cali", Slug = "cali" });
            await db.SaveChangesAsync();
        }

        var entry = (await EntriesAsync()).Last();
        Assert.Equal(["Name"], FieldNames(entry));
        Assert.Equal("Alcaldía de Cali", Field(entry, "Name").GetProperty("before").GetString());
    }

    [Fact]
    public async Task Update_ThatChangesNothing_WritesNoEntry()
    {
        var created = await CreateEntityAsync("Alcaldía de Cali", "cali");
        await using (var db = Audited())
        {
            db.Update(new Entity { Id = created.Id, Name = "Alcaldía de Cali", Slug = "cali" });
            await db.SaveChangesAsync();
        }

        Assert.Single(await EntriesAsync());
    }

    [Fact]
    public async Task Delete_WritesEntryWithBeforeValues()
    {
        var created = await CreateEntityAsync("Alcaldía de Cali", "cali");
        await using (var db = Audited())
        {
            db.Entities.Remove(await db.Entities.SingleAsync());
            await db.SaveChangesAsync();
        }

        var entry = (await EntriesAsync()).Last();
        Assert.Equal(AuditAction.Deleted, entry.Action);
        Assert.Equal(created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal("cali", Field(entry, "Slug").GetProperty("before").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Field(entry, "Slug").GetProperty("after").ValueKind);
    }

    [Fact]
    public async Task Save_OfWholePlan_WritesOneEntryPerRowWithTheirKeys()
    {
        var plan = await CreatePlanAsync();

        var entries = await EntriesAsync();
        Assert.Equal(["Activity", "Component", "Entity", "Plan", "PlanAction", "ScheduleEntry"], entries.Select(e => e.EntityType).Order().ToArray());
        Assert.All(entries, e => Assert.Equal(AuditAction.Created, e.Action));
        var component = Assert.Single(entries, e => e.EntityType == "Component");
        Assert.Equal(plan.Id, Field(component, "PlanId").GetProperty("after").GetInt32());
        Assert.Equal(plan.Components[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), component.EntityId);
    }

    [Fact]
    public async Task ActorAndReason_AreWrittenWhileTheScopeLasts()
    {
        using (Audit.Begin(new AuditActor("u-17", "Ana Pérez"), "  Corrección del nombre  "))
        {
            await CreateEntityAsync("Alcaldía de Cali");
        }
        await CreateEntityAsync("Gobernación del Valle");

        var entries = await EntriesAsync();
        Assert.Equal(("u-17", "Ana Pérez", "Corrección del nombre"), (entries[0].UserId, entries[0].ActorName, entries[0].Reason));
        Assert.Equal((null, "sistema", null), (entries[1].UserId, entries[1].ActorName, entries[1].Reason));
    }

    [Fact]
    public async Task FailingSave_WritesNoEntry()
    {
        await CreateEntityAsync("Alcaldía de Cali", "cali");

        await using (var db = Audited())
        {
            db.Entities.Add(new Entity { Name = "Otra Cali", Slug = "cali" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Single(await EntriesAsync());
        await using var raw = Raw();
        Assert.Equal(1, await raw.Entities.CountAsync());
    }

    [Fact]
    public async Task FailureWhileWritingEntries_RollsBackTheChangeToo()
    {
        await using (var db = Audited(new BrokenClock()))
        {
            db.Entities.Add(new Entity { Name = "Alcaldía de Cali", Slug = "cali" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await EntriesAsync());
        await using var raw = Raw();
        Assert.Equal(0, await raw.Entities.CountAsync());
    }

    [Fact]
    public async Task FailureWhileWritingEntries_InCallersTransaction_UndoesThatSaveOnly()
    {
        await using (var db = Audited(new BrokenClock()))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Entities.Add(new Entity { Name = "Alcaldía de Cali", Slug = "cali" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            await transaction.CommitAsync();
        }

        Assert.Empty(await EntriesAsync());
        await using var raw = Raw();
        Assert.Equal(0, await raw.Entities.CountAsync());
    }

    [Fact]
    public async Task CallersTransaction_RolledBack_TakesEntriesWithIt()
    {
        await using (var db = Audited())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Entities.Add(new Entity { Name = "Alcaldía de Cali", Slug = "cali" });
            await db.SaveChangesAsync();
            db.Entities.Add(new Entity { Name = "Gobernación del Valle", Slug = "valle" });
            await db.SaveChangesAsync();
            Assert.Equal(2, await db.AuditEntries.CountAsync());
            await transaction.RollbackAsync();
        }

        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task SynchronousSave_WritesEntriesToo()
    {
        await using (var db = Audited())
        {
            db.Entities.Add(new Entity { Name = "Alcaldía de Cali", Slug = "cali" });
            db.SaveChanges();
        }

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(AuditAction.Created, entry.Action);
        await using var verify = Raw();
        Assert.True((await AuditVerifier.VerifyAsync(verify)).Ok);
    }

    [Fact]
    public async Task PasswordsAndStamps_NeverReachTheTrail()
    {
        const string firstHash = "AQAAAAIAAYagAAAAEPrimerSecreto";
        const string secondHash = "AQAAAAIAAYagAAAAESegundoSecreto";
        await using (var db = Audited())
        {
            db.Users.Add(new AppUser { UserName = "ana", Email = "ana@cali.gov.co", DisplayName = "Ana Pérez", PasswordHash = firstHash, SecurityStamp = "SELLO-UNO" });
            await db.SaveChangesAsync();
        }
        await using (var db = Audited())
        {
            var user = await db.Users.SingleAsync();
            user.PasswordHash = secondHash;
            user.SecurityStamp = "SELLO-DOS";
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync();
        }

        var entries = await EntriesAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.DoesNotContain("Secreto", e.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain("SELLO", e.Changes, StringComparison.Ordinal);
        });
        var change = entries[1];
        Assert.Equal(["ConcurrencyStamp", "PasswordHash", "SecurityStamp"], FieldNames(change).Order().ToArray());
        Assert.Equal(AuditOptions.RedactedValue, Field(change, "PasswordHash").GetProperty("before").GetString());
        Assert.Equal(AuditOptions.RedactedValue, Field(change, "PasswordHash").GetProperty("after").GetString());
        Assert.Equal("Ana Pérez", Field(entries[0], "DisplayName").GetProperty("after").GetString());
    }

    [Fact]
    public async Task Trail_CannotBeChangedThroughTheApplication()
    {
        await CreateEntityAsync("Alcaldía de Cali");

        await using var db = Audited();
        var entry = await db.AuditEntries.SingleAsync();
        entry.Reason = "motivo añadido después";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ExcludedType_WritesNoEntry()
    {
        await using (var db = Audited(auditOptions: new AuditOptions().Exclude<Entity>()))
        {
            db.Entities.Add(new Entity { Name = "Alcaldía de Cali", Slug = "cali" });
            await db.SaveChangesAsync();
        }

        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task ConcurrentSaves_KeepOneUnbrokenChain()
    {
        const int writers = 4, savesEach = 5;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < savesEach; i++)
            {
                await using var db = Audited(scope: new AuditScope());
                db.Entities.Add(new Entity { Name = $"Entidad {w}-{i}", Slug = $"e-{w}-{i}" });
                await db.SaveChangesAsync();
            }
        })));

        var entries = await EntriesAsync();
        Assert.Equal(Enumerable.Range(1, writers * savesEach).Select(i => (long)i), entries.Select(e => e.Sequence));
        await using var raw = Raw();
        var result = await AuditVerifier.VerifyAsync(raw);
        Assert.True(result.Ok, result.FirstBreak?.Message);
    }
}

public class SqliteAuditInterceptorTests() : AuditInterceptorTests(DatabaseProvider.Sqlite);

public class PostgresAuditInterceptorTests() : AuditInterceptorTests(DatabaseProvider.Postgres);
