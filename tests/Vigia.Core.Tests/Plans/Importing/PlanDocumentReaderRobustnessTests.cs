using FsCheck;
using FsCheck.Xunit;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans.Importing;

/// <summary>Bad input never throws: it gives notes.</summary>
public class PlanDocumentReaderRobustnessTests
{
    [Property(MaxTest = 200)]
    public bool ReadText_AnyText_NeverThrowsAndFailsWithAnErrorOrSucceeds(NonNull<string> text)
    {
        var result = Seed.Read(text.Get);
        return IsWellFormed(result);
    }

    [Property(MaxTest = 100)]
    public bool ReadText_SeedWithRandomLinesRemoved_NeverThrows(int[] removed)
    {
        var drop = removed.Select(i => Math.Abs(i % Seed.Lines.Count)).ToHashSet();
        var result = Seed.Read(Seed.Join(Seed.Lines.Where((_, i) => !drop.Contains(i))));
        return IsWellFormed(result);
    }

    [Property(MaxTest = 100)]
    public bool ReadText_SeedWithRandomCellsCleared_NeverThrows(int[] cleared)
    {
        var lines = Seed.Lines.Select(l => l.Split('\t')).ToArray();
        foreach (var value in cleared)
        {
            var line = lines[Math.Abs(value % lines.Length)];
            line[Math.Abs(value / 7 % line.Length)] = "";
        }

        var result = Seed.Read(Seed.Join(lines.Select(l => string.Join('\t', l))));
        return IsWellFormed(result);
    }

    /// <summary>A plan, or an Error note; and never the pipeline's safety net for its own bugs.</summary>
    private static bool IsWellFormed(ImportResult result) =>
        (result.Plan is not null || result.Notes.Any(n => n.Kind == ImportNoteKind.Error))
        && !result.Notes.Any(n => n.Message.Contains("error inesperado", StringComparison.Ordinal));

    [Fact]
    public void ReadText_BinaryGarbage_IsAnError()
    {
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        using var stream = new MemoryStream(bytes);
        var result = PlanDocumentReader.ReadText(stream);
        Assert.Null(result.Plan);
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Error);
    }
}
