namespace Vigia.Cli;

/// <summary>Thrown by a command when its arguments are wrong; the dispatcher prints the message
/// (in Spanish) followed by the command's usage and exits with <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
