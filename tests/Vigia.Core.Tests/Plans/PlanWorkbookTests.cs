using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Plans;
using Vigia.Core.Schedule;
using DocumentReader = Vigia.Core.Plans.Importing.PlanDocumentReader;

namespace Vigia.Core.Tests.Plans;

/// <summary>The XLSX export in the seed's layout, read back by the importer: the same plan, field for field, schedule
/// included.</summary>
public abstract class PlanWorkbookTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(TestTime.Written);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<int> ImportAsync(Stream stream, string fileName, int? year = null)
    {
        await using var db = await database.CreateMigratedContextAsync();
        var outcome = await new PlanImportService(db, clock).ImportAsync(DocumentReader.Read(stream, fileName), new PlanImportOptions(Year: year), "prueba");
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors.Values));
        return outcome.Value.PlanId!.Value;
    }

    /// <summary>Everything a version says about an action but its id, which a new plan cannot share.</summary>
    private static List<string> Fields(PlanSnapshot plan) =>
        plan.Components.SelectMany(c => c.Activities.SelectMany(a => a.Actions.Select(x => string.Join(" ¦ ",
            c.Number, c.Name, a.SubcomponentCode, a.SubcomponentName, a.Code, a.Name, x.Order, x.Description, x.Goal, x.Deliverable,
            x.IndicatorFormula, x.TargetQuantity?.ToString(CultureInfo.InvariantCulture), x.TargetUnit, x.ResponsibleText,
            string.Join(",", x.Schedule.OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}:{s.Value}"))))))).ToList();

    [Fact]
    public async Task Export_ThenImport_GivesTheSeedPlanBack_FieldForField_WithItsSchedule()
    {
        int seedId;
        await using (var seed = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt")))
        {
            seedId = await ImportAsync(seed, "paac-cali-2022.txt");
        }
        await using (var db = database.CreateContext())
        {
            var ids = await db.Actions.Where(a => a.Activity!.Code == "3.1.4" || a.Activity!.Code == "1.3.4").OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            db.ScheduleEntries.AddRange(
                new ScheduleEntry { ActionId = ids[0], Month = 3, PlannedQuantity = 2.5m },
                new ScheduleEntry { ActionId = ids[0], Month = 12, PlannedQuantity = 97.5m },
                new ScheduleEntry { ActionId = ids[1], Month = 6, PlannedQuantity = 2200 },
                new ScheduleEntry { ActionId = ids[^1], Month = 1, PlannedQuantity = 5000 });
            await db.SaveChangesAsync();
        }

        using var workbook = new MemoryStream();
        PlanSnapshot original;
        PlanDocumentHeading heading;
        await using (var db = database.CreateContext())
        {
            original = await PlanSnapshot.LoadAsync(db, seedId, default);
            heading = await PlanDocumentHeading.LoadAsync(db, seedId, default);
            // With the simulated-schedule notice among the heading lines: it must read back as nothing.
            PlanWorkbook.Write(workbook, heading, original, 1, await PlanVersions.ListAsync(db, seedId, includeDrafts: false, default),
                simulatedSchedule: true);
        }
        workbook.Position = 0;
        var copyId = await ImportAsync(workbook, "plan.xlsx", year: 2023);

        await using var check = database.CreateContext();
        var copy = await PlanSnapshot.LoadAsync(check, copyId, default);
        Assert.Equal(86, copy.Actions.Count());
        Assert.Equal(Fields(original), Fields(copy));
        Assert.Equal(heading with { Year = 2023 }, await PlanDocumentHeading.LoadAsync(check, copyId, default), new HeadingComparer());
        var units = await check.Actions.Where(a => a.Activity!.Component!.PlanId == seedId || a.Activity!.Component!.PlanId == copyId)
            .Select(a => new { a.Activity!.Component!.PlanId, a.Activity.Code, a.Order, Units = a.ResponsibleUnits.Select(u => u.UnitId).ToList() })
            .ToListAsync();
        Assert.Equal(units.Where(u => u.PlanId == seedId).Select(u => $"{u.Code}-{u.Order}:{string.Join(",", u.Units.Order())}").Order(StringComparer.Ordinal),
            units.Where(u => u.PlanId == copyId).Select(u => $"{u.Code}-{u.Order}:{string.Join(",", u.Units.Order())}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_UnderAnotherCulture_WritesEveryCodeAsTextAndNoCellOfThePlanAsADate()
    {
        int seedId;
        await using (var seed = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt")))
        {
            seedId = await ImportAsync(seed, "paac-cali-2022.txt");
        }
        using var output = new MemoryStream();
        PlanSnapshot content;
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
        try
        {
            await using var db = database.CreateContext();
            content = await PlanSnapshot.LoadAsync(db, seedId, default);
            PlanWorkbook.Write(output, await PlanDocumentHeading.LoadAsync(db, seedId, default), content, 1,
                await PlanVersions.ListAsync(db, seedId, includeDrafts: false, default));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        output.Position = 0;
        using var workbook = new ClosedXML.Excel.XLWorkbook(output);
        var sheet = workbook.Worksheets.First();
        var codeCells = sheet.Column(1).CellsUsed().Where(c => c.GetString().Contains('.', StringComparison.Ordinal)).ToList();
        var codes = content.Components.SelectMany(c => c.Activities).SelectMany(a => new[] { a.Code, a.SubcomponentCode })
            .OfType<string>().Distinct().ToList();
        Assert.Equal(62, content.Components.SelectMany(c => c.Activities).Count());
        Assert.All(codes, code => Assert.Contains(codeCells, c => c.DataType == ClosedXML.Excel.XLDataType.Text && c.GetString() == code));
        Assert.All(codeCells, c => Assert.Equal(ClosedXML.Excel.XLDataType.Text, c.DataType));
        Assert.DoesNotContain(sheet.CellsUsed(), c => c.DataType == ClosedXML.Excel.XLDataType.DateTime);
    }

    /// <summary>Headings are equal when every field and every participating unit is.</summary>
    private sealed class HeadingComparer : IEqualityComparer<PlanDocumentHeading>
    {
        public bool Equals(PlanDocumentHeading? x, PlanDocumentHeading? y) => x is not null && y is not null
            && (x with { ParticipatingUnits = [] }) == (y with { ParticipatingUnits = [] })
            && x.ParticipatingUnits.SequenceEqual(y.ParticipatingUnits);

        public int GetHashCode(PlanDocumentHeading obj) => obj.Year;
    }
}

public sealed class SqlitePlanWorkbookTests() : PlanWorkbookTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlanWorkbookTests() : PlanWorkbookTests(DatabaseProvider.Postgres);
