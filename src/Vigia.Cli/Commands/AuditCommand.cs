namespace Vigia.Cli.Commands;

/// <summary><c>audit verify</c>: recomputes the hash chain and names the first altered, deleted or out-of-order entry.</summary>
public sealed class AuditCommand(IConfiguration? configuration = null) : ICliCommand
{
    public string Name => "audit";

    public string Summary => "Verifica la cadena de hashes del registro de auditoría.";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} audit verify

        Recalcula el SHA-256 de cada entrada y su encadenamiento con la anterior. Termina con
        código 0 si el registro está íntegro y 1 si encuentra una entrada alterada, eliminada o
        insertada fuera de orden, que nombra.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count != 1 || args[0] != "verify")
        {
            throw new UsageException("Use «audit verify».");
        }
        await using var services = await CliServices.StartAsync(configuration ?? CliServices.Configuration(), context.CancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await new AuditVerifyCommand(db, context.Out).RunAsync(context.CancellationToken);
    }
}
