using System.Text;
using ClosedXML.Excel;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;
using Vigia.Core.RiskMap;
using Vigia.Core.Tests.Plans.Importing;
using Vigia.Core.Tests.RiskMap;

namespace Vigia.Core.Tests.Fuzzing;

/// <summary>The importers fuzzed for a bounded time (issue 14): the text importer, the plan XLSX importer and the
/// risk-map XLSX importer get structurally valid documents with random cells changed and broken ones (bytes
/// overwritten, cut short, random bytes). Properties: no exception escapes; a document is either imported or refused
/// with a Spanish message; a refused import changes nothing in the database (row counts equal). Seeded (Replay), so a
/// failure is reproducible, and 200 cases each so the whole class runs in seconds.</summary>
public abstract class ImportFuzzTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string EntityName = "Alcaldía de Prueba";
    private static readonly FakeTimeProvider Clock = new(TestTime.Written);
    private static readonly Lazy<byte[]> PlanWorkbook = new(BuildPlanWorkbook);
    private static readonly Lazy<byte[]> RiskWorkbook = new(() => RiskMatrix.Build(RiskMatrix.ShuffledHeaders,
        new MatrixRisk(RiskMatrix.Risk("RC-01", "Gestión de la Contratación", 1000, "1, 2, 3"),
            [RiskMatrix.Control("Preventivo", "Manual"), RiskMatrix.Control("Detectivo", "Manual", "El comité revisa por muestreo")])));

    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var entity = new Entity { Name = EntityName, Slug = "prueba" };
        db.AddRange(entity, new Vigia.Core.Organisation.Process { Entity = entity, Name = "Gestión de la Contratación", Kind = ProcessKind.Support });
        await db.SaveChangesAsync();
        await new RiskMethodCatalog(db, Clock).EnsureLoadedAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>How a document is damaged: which bytes are overwritten with what, where it is cut, or whether it is
    /// replaced by random bytes altogether.</summary>
    public sealed record Damage(int[] Positions, byte[] Values, int? CutAt, bool Random, int Seed);

    /// <summary>How a valid document's cells are changed: (row, column, text) triples.</summary>
    public sealed record CellEdits((int Row, int Column, string Text)[] Edits);

    private static byte[] Apply(byte[] original, Damage damage)
    {
        if (damage.Random)
        {
            var bytes = new byte[Math.Abs(damage.Seed % 8192)];
            new Random(damage.Seed).NextBytes(bytes);
            return bytes;
        }
        var copy = original.ToArray();
        for (var i = 0; i < damage.Positions.Length && damage.Values.Length > 0; i++)
        {
            copy[Math.Abs(damage.Positions[i] % copy.Length)] = damage.Values[i % damage.Values.Length];
        }
        return damage.CutAt is { } cut ? copy[..Math.Abs(cut % copy.Length)] : copy;
    }

    private static byte[] Edit(byte[] workbook, CellEdits edits)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        var sheet = book.Worksheets.First();
        foreach (var (row, column, text) in edits.Edits.Take(12))
        {
            sheet.Cell(1 + Math.Abs(row % 140), 1 + Math.Abs(column % 32)).SetValue(text ?? "");
        }
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    private async Task<(int Plans, int Actions, int Risks, int Controls, long Audit)> CountsAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Plans.CountAsync(), await db.Actions.CountAsync(), await db.Risks.CountAsync(), await db.RiskControls.CountAsync(),
            await db.AuditEntries.LongCountAsync());
    }

    /// <summary>Imports a read plan document; refused → nothing changed and a message; imported → removed again, so the
    /// next case starts from the same database.</summary>
    private async Task<bool> PlanImportHoldsAsync(ImportResult read)
    {
        if (!(read.Plan is not null || read.Notes.Any(n => n.Kind == ImportNoteKind.Error))
            || read.Notes.Any(n => n.Message.Contains("error inesperado", StringComparison.Ordinal)))
        {
            return false;
        }
        var before = await CountsAsync();
        Result<PlanImport> outcome;
        await using (var db = database.CreateContext())
        {
            outcome = await new PlanImportService(db, Clock).ImportAsync(read, new PlanImportOptions(EntityName: EntityName), "fuzz");
        }
        if (outcome.Succeeded)
        {
            return true;
        }
        var after = await CountsAsync();
        return before == after && outcome.Errors.Count > 0 && outcome.Errors.Values.All(m => !string.IsNullOrWhiteSpace(m));
    }

    private async Task<bool> RiskImportHoldsAsync(byte[] file)
    {
        var before = await CountsAsync();
        Result<RiskMapImport> outcome;
        await using (var db = database.CreateContext())
        {
            // A year per case that nothing else uses, so an accepted map never collides with the next case.
            outcome = await new RiskMapImportService(db, new RiskMethodCatalog(db, Clock), Clock)
                .ImportAsync(new MemoryStream(file), new RiskMapImportOptions(2030, EntityName));
        }
        if (outcome.Succeeded)
        {
            return true;
        }
        var after = await CountsAsync();
        return before == after && outcome.Errors.Count > 0 && outcome.Errors.Values.All(m => !string.IsNullOrWhiteSpace(m));
    }

    [Property(MaxTest = 200, Replay = "(20261202,11)")]
    public async Task<bool> PlanText_BrokenDocuments_NeverThrow_AndARefusalChangesNothing(NonNull<string> noise, int[] cut, bool asBytes)
    {
        var lines = Seed.Lines.ToList();
        foreach (var c in cut.Take(20))
        {
            lines[Math.Abs(c % lines.Count)] = noise.Get;
        }
        var text = asBytes ? Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(noise.Get)) : Seed.Join(lines);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await PlanImportHoldsAsync(PlanDocumentReader.ReadText(stream));
    }

    [Property(MaxTest = 200, Replay = "(20261202,13)")]
    public async Task<bool> PlanXlsx_DamagedWorkbooks_NeverThrow_AndARefusalChangesNothing(Damage damage)
    {
        using var stream = new MemoryStream(Apply(PlanWorkbook.Value, damage));
        return await PlanImportHoldsAsync(PlanDocumentReader.ReadXlsx(stream));
    }

    [Property(MaxTest = 60, Replay = "(20261202,17)")]
    public async Task<bool> PlanXlsx_ValidWorkbooksWithRandomCells_NeverThrow_AndARefusalChangesNothing(CellEdits edits)
    {
        using var stream = new MemoryStream(Edit(PlanWorkbook.Value, edits));
        return await PlanImportHoldsAsync(PlanDocumentReader.ReadXlsx(stream));
    }

    [Property(MaxTest = 200, Replay = "(20261202,19)")]
    public async Task<bool> RiskMapXlsx_DamagedWorkbooks_NeverThrow_AndARefusalChangesNothing(Damage damage) =>
        await RiskImportHoldsAsync(Apply(RiskWorkbook.Value, damage));

    [Property(MaxTest = 60, Replay = "(20261202,23)")]
    public async Task<bool> RiskMapXlsx_ValidWorkbooksWithRandomCells_NeverThrow_AndARefusalChangesNothing(CellEdits edits) =>
        await RiskImportHoldsAsync(Edit(RiskWorkbook.Value, edits));

    /// <summary>The seed plan's lines written as text cells of one sheet, as <see cref="PlanDocumentReaderXlsxTests"/> does.</summary>
    private static byte[] BuildPlanWorkbook()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("PAAC");
        for (var line = 1; line <= Seed.Lines.Count; line++)
        {
            var cells = Seed.Line(line).Split('\t');
            for (var column = 0; column < cells.Length; column++)
            {
                if (cells[column].Length > 0)
                {
                    sheet.Cell(line, column + 1).SetValue(cells[column]);
                }
            }
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}

public sealed class SqliteImportFuzzTests() : ImportFuzzTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportFuzzTests() : ImportFuzzTests(DatabaseProvider.Postgres);
