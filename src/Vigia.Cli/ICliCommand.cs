namespace Vigia.Cli;

/// <summary>A top-level command of the tool (<c>Vigia.Cli &lt;name&gt; ...</c>). Register new ones in
/// <see cref="CliApp.Commands"/>.</summary>
public interface ICliCommand
{
    /// <summary>The word that selects the command (English, lower case, e.g. <c>calendar</c>).</summary>
    string Name { get; }

    /// <summary>One line in Spanish for the general help.</summary>
    string Summary { get; }

    /// <summary>Full Spanish help, printed for <c>--help</c> and after a usage error.</summary>
    string Usage { get; }

    /// <summary>Runs the command with the arguments that follow its name.</summary>
    /// <returns>An <see cref="ExitCodes"/> value. Throw <see cref="UsageException"/> for bad
    /// arguments; any other exception is reported as a failure.</returns>
    Task<int> RunAsync(IReadOnlyList<string> args, CliContext context);
}

/// <summary>What a command may use: where to write, and the cancellation of the process (Ctrl+C).</summary>
/// <param name="Out">Normal output.</param>
/// <param name="Error">Errors and warnings.</param>
/// <param name="CancellationToken">Cancelled on Ctrl+C.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, CancellationToken CancellationToken);
