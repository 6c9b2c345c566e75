using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Files;
using Vigia.Core.Tests.Files;

namespace Vigia.Core.Tests.Fuzzing;

/// <summary>Every upload goes through <see cref="LocalFileStore.SaveAsync"/> (report evidence, risk-map monitoring,
/// materializations…), so it is fuzzed here (issue 14): random bytes, and accepted files of every kind with bytes
/// overwritten or cut, under every accepted name. Properties: no exception; either the file is kept whole (its
/// SHA-256 and length as stored) or it is refused with a Spanish sentence and nothing is left in the folder. Seeded,
/// 200 cases each.</summary>
public sealed class UploadFuzzTests : IDisposable
{
    private static readonly string[] Extensions =
        [".pdf", ".png", ".jpg", ".gif", ".webp", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".doc", ".xls", ".ppt", ".csv", ".txt"];

    private readonly string root = Path.Combine(Path.GetTempPath(), "vigia-tests", "upload-fuzz-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private LocalFileStore Store() => new(Options.Create(new UploadOptions { Root = root, MaxBytes = 64 * 1024, MaxUncompressedBytes = 1024 * 1024 }),
        new FakeTimeProvider(TestTime.Written));

    private string[] FilesUnderRoot() => Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];

    private async Task<bool> HoldsAsync(byte[] content, string name)
    {
        var before = FilesUnderRoot().Length;
        var result = await Store().SaveAsync(new MemoryStream(content), name);
        if (result.Succeeded)
        {
            var path = Path.Combine(root, result.File!.StorageKey);
            var kept = await File.ReadAllBytesAsync(path);
            return kept.AsSpan().SequenceEqual(content) && result.File.Length == content.Length
                && result.File.Sha256 == Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        }
        return result.Refusal is not null && !string.IsNullOrWhiteSpace(result.ErrorMessage) && FilesUnderRoot().Length == before
            && !result.ErrorMessage.Contains("Exception", StringComparison.Ordinal);
    }

    [Property(MaxTest = 200, Replay = "(20261202,29)")]
    public async Task<bool> RandomBytes_UnderAnyAcceptedName_AreKeptWholeOrRefusedCleanly(byte[] content, PositiveInt which) =>
        await HoldsAsync(content ?? [], "soporte" + Extensions[which.Get % Extensions.Length]);

    [Property(MaxTest = 200, Replay = "(20261202,31)")]
    public async Task<bool> DamagedFilesOfEveryKind_AreKeptWholeOrRefusedCleanly(PositiveInt which, int[] positions, byte[] values, int? cutAt)
    {
        var extension = Extensions[which.Get % Extensions.Length];
        var content = SampleFiles.For(extension).ToArray();
        for (var i = 0; i < (positions ?? []).Length && values is { Length: > 0 }; i++)
        {
            content[Math.Abs(positions![i] % content.Length)] = values[i % values.Length];
        }
        if (cutAt is { } cut)
        {
            content = content[..Math.Abs(cut % content.Length)];
        }
        return await HoldsAsync(content, "evidencia" + extension);
    }
}
