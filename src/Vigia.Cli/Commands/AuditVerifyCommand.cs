using Vigia.Core.Audit;
using Vigia.Core.Files;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia audit verify [--checkpoint SEQ:HASH]</c>: checks the whole chain (with the key file's keys) and, when
/// given, that it still holds a checkpoint published earlier; says where it breaks. Exit code 0 when
/// intact, 1 when broken. With <paramref name="reconcile"/> it then compares the present data and files with the trail
/// (<see cref="AuditReconciler"/>) and fails on the first difference too.</summary>
public sealed class AuditVerifyCommand(AppDbContext db, TextWriter output, AuditKeyRing? keys = null, AuditCheckpoint? checkpoint = null,
    AuditVerifyCommand.Reconcile? reconcile = null)
{
    /// <summary>What reconciling needs: which types are audited, and where the files are.</summary>
    public sealed record Reconcile(AuditOptions Options, IFileStore? Files, IEnumerable<IStoredFileCatalog>? Catalogs);

    /// <summary>How many differences are printed after the first.</summary>
    public const int ListedDifferences = 10;

    public const int Intact = 0;
    public const int Broken = 1;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var result = await AuditVerifier.VerifyAsync(db, keys, checkpoint, ct: ct);
        if (result.FirstBreak is { } broken)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"El registro de auditoría fue alterado. Primera entrada con problemas: {broken.Sequence}{(broken.EntryId is { } id ? $" (id {id})" : "")}."));
            await output.WriteLineAsync(broken.Message);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Entradas íntegras antes de ella: {result.Count}."));
            return Broken;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"El registro de auditoría está íntegro: {result.Count} entradas verificadas."));
        if (checkpoint is { } held)
        {
            await output.WriteLineAsync($"Contiene el punto de control {held}.");
        }
        if (result.Count > 0)
        {
            // Written down outside the database, the head also reveals entries deleted from the end.
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Última entrada: {result.LastSequence}, hash {result.LastHash}."));
        }
        if (reconcile is null)
        {
            return Intact;
        }
        var present = await AuditReconciler.ReconcileAsync(db, reconcile.Options, reconcile.Files, reconcile.Catalogs, ct);
        if (present.Ok)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Los datos coinciden con el registro: {present.RecordsChecked} registros y {present.FilesChecked} archivos comparados."));
            return Intact;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Los datos no coinciden con el registro de auditoría: {present.FindingCount} diferencias. Primera: {present.First!.Message}"));
        foreach (var finding in present.Findings.Skip(1).Take(ListedDifferences))
        {
            await output.WriteLineAsync($"- {finding.Message}");
        }
        return Broken;
    }
}
