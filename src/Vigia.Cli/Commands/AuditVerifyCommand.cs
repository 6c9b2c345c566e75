using Vigia.Core.Audit;

namespace Vigia.Cli.Commands;

/// <summary><c>vigia audit verify [--checkpoint SEQ:HASH]</c>: checks the whole chain (with the key file's keys) and, when
/// given, that it still holds a checkpoint published earlier; says where it breaks. Exit code 0 when
/// intact, 1 when broken.</summary>
public sealed class AuditVerifyCommand(AppDbContext db, TextWriter output, AuditKeyRing? keys = null, AuditCheckpoint? checkpoint = null)
{
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
        return Intact;
    }
}
