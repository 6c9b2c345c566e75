using Vigia.Cli;

namespace Vigia.Core.Tests.Cli;

public class CliAppTests
{
    internal static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_the_commands_and_succeeds(string flag)
    {
        var (exitCode, output, error) = await RunAsync(flag);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Uso: Vigia.Cli <comando>", output, StringComparison.Ordinal);
        Assert.Contains("calendar", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task No_arguments_is_a_usage_error()
    {
        var (exitCode, output, error) = await RunAsync();

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("Falta el comando.", error, StringComparison.Ordinal);
        Assert.Contains("Comandos:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error()
    {
        var (exitCode, output, error) = await RunAsync("frobnicate", "2026");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.Contains("Comando desconocido: 'frobnicate'.", error, StringComparison.Ordinal);
        Assert.Contains("calendar", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calendar", "--help")]
    [InlineData("help", "calendar")]
    [InlineData("calendar", "holidays", "-h")]
    public async Task Command_help_prints_its_usage(params string[] args)
    {
        var (exitCode, output, _) = await RunAsync(args);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("Uso: Vigia.Cli calendar <subcomando>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_names_are_case_insensitive()
        => Assert.Equal(ExitCodes.Success, (await RunAsync("CALENDAR", "holidays", "2026")).ExitCode);

    [Fact]
    public async Task An_exception_in_a_command_is_a_failure()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(
            ["boom"], new CliContext(output, error, CancellationToken.None), [new FailingCommand()]);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal("Error: la base de datos no responde" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void Command_table_has_unique_lower_case_names_and_Spanish_help()
    {
        Assert.Equal(CliApp.Commands.Count, CliApp.Commands.Select(c => c.Name).Distinct().Count());
        Assert.All(CliApp.Commands, c =>
        {
            Assert.Equal(c.Name.ToLowerInvariant(), c.Name);
            Assert.False(string.IsNullOrWhiteSpace(c.Summary));
            Assert.StartsWith($"Uso: Vigia.Cli {c.Name}", c.Usage, StringComparison.Ordinal);
        });
    }

    private sealed class FailingCommand : ICliCommand
    {
        public string Name => "boom";

        public string Summary => "Falla siempre.";

        public string Usage => "Uso: Vigia.Cli boom\n";

        public Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
            => throw new InvalidOperationException("la base de datos no responde");
    }
}
