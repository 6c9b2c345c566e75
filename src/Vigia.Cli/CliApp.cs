using Vigia.Cli.Commands;

namespace Vigia.Cli;

/// <summary>The dispatcher: picks the command named by the first argument and runs it.</summary>
public static class CliApp
{
    /// <summary>Name shown in help texts.</summary>
    public const string ProgramName = "Vigia.Cli";

    /// <summary>
    /// The command table. To add a command, write a class implementing <see cref="ICliCommand"/> in
    /// <c>Commands/</c> and add one line here; the help lists commands in this order.
    /// </summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new CalendarCommand(),
        new ImportCommand(),
        new RiskMapCommand(),
        new ReviewCommand(),
        new UsersCommand(),
        new AuditCommand(),
        new FollowUpCommand(),
        new ComplianceCommand(),
        new BackupCommand(),
        new RestoreCommand(),
        new SyntheticCommand(),
    ];

    private static readonly string[] HelpFlags = ["--help", "-h", "help", "ayuda"];

    /// <summary>Runs the tool with command-line arguments and returns the exit code.</summary>
    public static Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
        => RunAsync(args, new CliContext(output, error, cancellationToken), Commands);

    /// <summary>Same, with an explicit command table (for tests).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, IReadOnlyList<ICliCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(commands);

        if (args.Count == 0)
        {
            await context.Error.WriteLineAsync("Falta el comando.");
            await context.Error.WriteLineAsync();
            await context.Error.WriteAsync(GeneralHelp(commands));
            return ExitCodes.Usage;
        }

        if (IsHelpFlag(args[0]) && args.Count == 1)
        {
            await context.Out.WriteAsync(GeneralHelp(commands));
            return ExitCodes.Success;
        }

        // "help calendar" is the same as "calendar --help".
        var name = IsHelpFlag(args[0]) ? args[1] : args[0];
        if (Find(commands, name) is not { } command)
        {
            await context.Error.WriteLineAsync($"Comando desconocido: '{name}'.");
            await context.Error.WriteLineAsync();
            await context.Error.WriteAsync(GeneralHelp(commands));
            return ExitCodes.Usage;
        }

        var rest = args.Skip(1).ToArray();
        if (IsHelpFlag(args[0]) || rest.Any(IsHelpFlag))
        {
            await context.Out.WriteAsync(command.Usage);
            return ExitCodes.Success;
        }

        try
        {
            return await command.RunAsync(rest, context);
        }
        catch (UsageException ex)
        {
            await context.Error.WriteLineAsync(ex.Message);
            await context.Error.WriteLineAsync();
            await context.Error.WriteAsync(command.Usage);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("Operación cancelada.");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            await context.Error.WriteLineAsync($"Error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The general help: usage and the command list.</summary>
    public static string GeneralHelp(IReadOnlyList<ICliCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var width = commands.Count == 0 ? 0 : commands.Max(c => c.Name.Length);
        var lines = commands.Select(c => $"  {c.Name.PadRight(width)}   {c.Summary}");
        return $"""
            Vigía: herramienta de línea de comandos.

            Uso: {ProgramName} <comando> [argumentos]
                 {ProgramName} <comando> --help    ayuda de un comando

            Comandos:
            {string.Join('\n', lines)}

            Códigos de salida: 0 éxito, 1 error, 2 uso incorrecto.

            """;
    }

    private static bool IsHelpFlag(string arg) => HelpFlags.Contains(arg, StringComparer.OrdinalIgnoreCase);

    private static ICliCommand? Find(IReadOnlyList<ICliCommand> commands, string name)
        => commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
