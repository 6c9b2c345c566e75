using Vigia.Core.Audit;

namespace Vigia.Cli.Commands;

/// <summary><c>audit verify</c>: recomputes the keyed hash chain and names the first altered, deleted or out-of-order entry;
/// <c>audit checkpoint</c>: prints the head as <c>SEQ:HASH</c> for publication.</summary>
public sealed class AuditCommand(IConfiguration? configuration = null) : ICliCommand
{
    public string Name => "audit";

    public string Summary => "Verifica el registro de auditoría (cadena firmada con HMAC) e imprime su punto de control.";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} audit verify [--checkpoint SEQ:HASH]
             {CliApp.ProgramName} audit checkpoint

        verify recalcula la huella de cada entrada (HMAC-SHA-256 con las claves del archivo
        Audit:KeyFile; SHA-256 para las entradas anteriores a la firma) y su encadenamiento con la
        anterior. Con --checkpoint comprueba además que el registro conserva esa entrada con esa
        huella: un punto de control publicado antes revela entradas borradas del final o un
        registro reescrito. Después compara los datos de hoy con los últimos valores que el
        registro guardó para cada registro auditado, y cada archivo de evidencia con su SHA-256:
        así se ve un UPDATE hecho por fuera de la aplicación o un archivo reemplazado en disco.
        Termina con código 0 si todo coincide y 1 si no, y nombra la primera diferencia.

        checkpoint imprime el punto de control actual, SEQ:HASH (la última entrada).

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        AuditCheckpoint? checkpoint = null;
        switch (args)
        {
            case ["verify"] or ["checkpoint"]:
                break;
            case ["verify", "--checkpoint", var text]:
                if (!AuditCheckpoint.TryParse(text, out var parsed))
                {
                    throw new UsageException($"«{text}» no es un punto de control: escriba SEQ:HASH, por ejemplo 42:{new string('0', 64)}.");
                }
                checkpoint = parsed;
                break;
            default:
                throw new UsageException("Use «audit verify [--checkpoint SEQ:HASH]» o «audit checkpoint».");
        }
        await using var services = await CliServices.StartAsync(configuration ?? CliServices.Configuration(), context.CancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (args[0] == "checkpoint")
        {
            if (await AuditCheckpoint.CurrentAsync(db, ct: context.CancellationToken) is not { } current)
            {
                await context.Error.WriteLineAsync("El registro de auditoría está vacío: todavía no hay punto de control.");
                return ExitCodes.Failure;
            }
            await context.Out.WriteLineAsync(current.ToString());
            return ExitCodes.Success;
        }
        var keys = services.GetRequiredService<AuditKeys>().Ring;
        var reconcile = new AuditVerifyCommand.Reconcile(services.GetRequiredService<AuditOptions>(), services.GetService<Vigia.Core.Files.IFileStore>(),
            services.GetServices<Vigia.Core.Files.IStoredFileCatalog>());
        return await new AuditVerifyCommand(db, context.Out, keys, checkpoint, reconcile).RunAsync(context.CancellationToken);
    }
}
