using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Tests.Plans.Importing;

namespace Vigia.Core.Tests.Plans;

/// <summary>A workbook in the DAFP template's layout stored through the same import as the other layouts, on each database.</summary>
public abstract class DafpImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Result<PlanImport>> ImportAsync(ImportResult read, PlanImportOptions options)
    {
        await using var db = await database.CreateMigratedContextAsync();
        return await new PlanImportService(db, new FakeTimeProvider(TestTime.Written)).ImportAsync(read, options, "prueba");
    }

    [Fact]
    public async Task Import_DafpWorkbookAsAPtep_StoresEntityYearStructureScheduleAndTheReportBySheet()
    {
        using var stream = DafpWorkbook.Build();
        var read = PlanDocumentReader.Read(stream, "ptep-pasto-2023.xlsx");

        var outcome = await ImportAsync(read, new PlanImportOptions(Kind: PlanKind.Ptep, SourceFileName: "ptep-pasto-2023.xlsx"));

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Value?.Notes.Select(n => n.Message) ?? []));
        await using var db = database.CreateContext();
        var plan = await db.Plans.Include(p => p.Entity).SingleAsync();
        Assert.Equal((2023, PlanKind.Ptep, "alcaldia-de-san-juan-de-pasto"), (plan.Year, plan.Kind, plan.Entity!.Slug));
        Assert.Equal(2, await db.Components.CountAsync());
        Assert.Equal(3, await db.Subcomponents.CountAsync());
        Assert.Equal(5, await db.Activities.CountAsync());
        Assert.Equal(6, await db.Actions.CountAsync());
        var suit = await db.Actions.Where(a => a.Activity!.Code == "2.1.2").OrderBy(a => a.Order)
            .Select(a => new { a.Goal, Months = db.ScheduleEntries.Where(e => e.ActionId == a.Id).Select(e => e.Month).ToList() })
            .ToListAsync();
        Assert.Equal(["Tres trámites inscritos", "Informe de inscripción"], suit.Select(a => a.Goal));
        Assert.Equal([[6], [7]], suit.Select(a => a.Months));
        var notes = await db.PlanVersions.SelectMany(v => v.ImportNotes).Select(n => n.Message).ToListAsync();
        Assert.Contains(notes, m => m.StartsWith("Hoja «Portada», fila 1:", StringComparison.Ordinal));
        Assert.True(await db.Units.AnyAsync(u => u.Name == "Oficina de Sistemas"));
    }

    [Fact]
    public async Task Import_BrokenDafpWorkbook_ChangesNothing()
    {
        using var stream = DafpWorkbook.Build(wb => wb.Worksheet("Componente 1").Cell(6, 6).SetValue("Cuando se pueda"));
        var read = PlanDocumentReader.ReadXlsx(stream);

        var outcome = await ImportAsync(read, new PlanImportOptions());

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Value.Notes, n => n.Kind == ImportNoteKind.Error
            && n.Message.StartsWith("Hoja «Componente 1», fila 6: la columna «Fecha programada» (F)", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Plans.CountAsync());
        Assert.Equal(0, await db.Units.CountAsync());
    }
}

public class SqliteDafpImportTests() : DafpImportTests(DatabaseProvider.Sqlite);

public class PostgresDafpImportTests() : DafpImportTests(DatabaseProvider.Postgres);
