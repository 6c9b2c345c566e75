using System.Diagnostics;
using Vigia.Core.Compliance.Stored;

namespace Vigia.Cli.Commands;

/// <summary><c>compliance refresh</c>: recomputes the stored verdicts of every plan (<see cref="ComplianceStateStore"/>),
/// for after a bulk load that bypassed the application's saves.</summary>
public sealed class ComplianceCommand(IConfiguration? configuration = null) : ICliCommand
{
    public string Name => "compliance";

    public string Summary => "Recalcula el cumplimiento guardado de todos los planes (tras una carga masiva).";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} compliance refresh

        Vuelve a evaluar cada plan con la regla oficial de cumplimiento y guarda, por acción, si está
        programada y cumplida con cada número de meses contados (0 a 12). Las páginas lo hacen solas con
        los planes que cambiaron; este comando sirve después de cargar datos por fuera de la aplicación.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count != 1 || !string.Equals(args[0], "refresh", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException(args.Count == 0 ? "Falta el subcomando." : $"Subcomando desconocido: '{args[0]}'.");
        }
        await using var services = await CliServices.StartAsync(configuration ?? CliServices.Configuration(), context.CancellationToken);
        await using var scope = CliServices.CreateAuditedScope(services, "compliance refresh");
        var store = scope.ServiceProvider.GetRequiredService<ComplianceStateStore>();
        var watch = Stopwatch.StartNew();
        var plans = await store.RefreshAllAsync(context.CancellationToken);
        await context.Out.WriteLineAsync(string.Create(SpanishFormat.Culture,
            $"Cumplimiento recalculado: {plans} planes en {watch.Elapsed.TotalSeconds:0.0} s."));
        return ExitCodes.Success;
    }
}
