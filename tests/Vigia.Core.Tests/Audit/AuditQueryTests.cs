using Vigia.Core.Audit;
using Vigia.Core.Organisation;

namespace Vigia.Core.Tests.Audit;

public abstract class AuditQueryTests(DatabaseProvider provider) : AuditDatabaseTests(provider)
{
    private static readonly DateTimeOffset May1 = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TestClock clock = new(May1.AddHours(9));

    /// <summary>Ana creates Cali on 1 May, Luis creates Valle on 2 May, Ana renames Cali on 3 May.</summary>
    private async Task<(Entity Cali, Entity Valle)> WriteHistoryAsync()
    {
        var cali = new Entity { Name = "Alcaldía de Cali", Slug = "cali" };
        var valle = new Entity { Name = "Gobernación del Valle", Slug = "valle" };
        await using var db = Audited(clock);
        using (Audit.Begin(new AuditActor("ana", "Ana Pérez")))
        {
            db.Entities.Add(cali);
            await db.SaveChangesAsync();
        }
        clock.Now = May1.AddDays(1).AddHours(9);
        using (Audit.Begin(new AuditActor("luis", "Luis Gómez")))
        {
            db.Entities.Add(valle);
            await db.SaveChangesAsync();
        }
        clock.Now = May1.AddDays(2).AddHours(9);
        using (Audit.Begin(new AuditActor("ana", "Ana Pérez"), "Nombre oficial, \"con comillas\""))
        {
            cali.Name = "Alcaldía de Santiago de Cali";
            await db.SaveChangesAsync();
        }
        return (cali, valle);
    }

    [Fact]
    public async Task List_ByPerson_ReturnsTheirEntriesNewestFirst()
    {
        await WriteHistoryAsync();
        await using var db = Raw();

        var byId = await AuditQuery.ListAsync(db, new AuditFilter(UserId: "ana"));
        var byName = await AuditQuery.ListAsync(db, new AuditFilter(Actor: "pérez"));

        Assert.Equal([3L, 1L], byId.Entries.Select(e => e.Sequence));
        Assert.Equal(2, byId.Total);
        Assert.Equal([3L, 1L], byName.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task History_OfOneRecord_ReturnsOnlyItsEntries()
    {
        var (cali, _) = await WriteHistoryAsync();
        await using var db = Raw();

        var history = AuditQuery.History<Entity>(db, cali.Id).ToList();

        Assert.Equal([AuditAction.Updated, AuditAction.Created], history.Select(e => e.Action));
    }

    [Fact]
    public async Task List_ByDateRange_IncludesFromAndExcludesTo()
    {
        await WriteHistoryAsync();
        await using var db = Raw();

        var page = await AuditQuery.ListAsync(db, new AuditFilter(From: May1.AddDays(1), To: May1.AddDays(2)));

        var entry = Assert.Single(page.Entries);
        Assert.Equal("Luis Gómez", entry.ActorName);
    }

    [Fact]
    public async Task List_PagesThroughTheTrail()
    {
        await WriteHistoryAsync();
        await using var db = Raw();

        var second = await AuditQuery.ListAsync(db, new AuditFilter(), page: 2, pageSize: 2);

        Assert.Equal([1L], second.Entries.Select(e => e.Sequence));
        Assert.Equal(3, second.Total);
    }

    [Fact]
    public async Task Csv_HasSpanishHeadersAndQuotesFields()
    {
        await WriteHistoryAsync();
        await using var db = Raw();
        var output = new StringWriter();

        await AuditCsv.WriteAsync(output, db.AuditEntries.Filter(new AuditFilter(UserId: "ana")));

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("fecha_utc,persona,registro,id,accion,cambios,motivo,hash", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2024-05-01T09:00:00.000000Z,Ana Pérez,Entidad,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",creación,\"{\"\"Id\"\":", lines[1], StringComparison.Ordinal);
        Assert.Contains(",modificación,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",\"Nombre oficial, \"\"con comillas\"\"\",", lines[2], StringComparison.Ordinal);
    }
}

public class SqliteAuditQueryTests() : AuditQueryTests(DatabaseProvider.Sqlite);

public class PostgresAuditQueryTests() : AuditQueryTests(DatabaseProvider.Postgres);
