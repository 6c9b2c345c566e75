namespace Vigia.Cli;

/// <summary>Process exit codes of the command-line tool.</summary>
public static class ExitCodes
{
    /// <summary>The command did its work.</summary>
    public const int Success = 0;

    /// <summary>The command was understood but failed.</summary>
    public const int Failure = 1;

    /// <summary>Wrong command, arguments or options.</summary>
    public const int Usage = 2;
}
