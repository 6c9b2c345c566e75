using Vigia.Cli;
using Vigia.Cli.Commands;
using Vigia.Core.FollowUps;

namespace Vigia.Core.Tests.Cli;

public class CalendarCommandTests
{
    private static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
        => CliAppTests.RunAsync(args);

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Holidays_prints_one_line_per_holiday_with_the_Spanish_day_name()
    {
        var (exitCode, output, error) = await RunAsync("calendar", "holidays", "2026");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        var lines = Lines(output);
        Assert.Equal(18, lines.Length);
        Assert.Equal("2026-01-01  jueves  Año Nuevo", lines[0]);
        Assert.Equal("2026-01-12  lunes  Día de los Reyes Magos", lines[1]);
        Assert.Equal("2026-12-08  martes  Día de la Inmaculada Concepción", lines[16]);
        Assert.Equal("2026-12-25  viernes  Día de Navidad", lines[17]);
    }

    [Fact]
    public async Task Holidays_shows_weekend_days_too()
    {
        var (_, output, _) = await RunAsync("calendar", "holidays", "2022");

        Assert.Equal("2022-01-01  sábado  Año Nuevo", Lines(output)[0]);
        Assert.Contains("2022-08-31", (await RunAsync("calendar", "cutoffs", "2022")).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-04-30", "10", "2026-05-15")]
    [InlineData("2026-12-31", "10", "2027-01-18")]
    [InlineData("2026-05-15", "-10", "2026-04-30")]
    public async Task Add_business_days_prints_the_date(string start, string n, string expected)
    {
        var (exitCode, output, _) = await RunAsync("calendar", "add-business-days", start, n);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(expected + Environment.NewLine, output);
    }

    [Fact]
    public async Task Cutoffs_prints_each_cut_off_and_its_publication_deadline()
    {
        var (exitCode, output, _) = await RunAsync("calendar", "cutoffs", "2026");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(
            [
                "Cortes de seguimiento, vigencia 2026:",
                "Corte 1: 2026-04-30 (jueves); publicar a más tardar el 2026-05-15 (viernes), 10 días hábiles después del corte.",
                "Corte 2: 2026-08-31 (lunes); publicar a más tardar el 2026-09-14 (lunes), 10 días hábiles después del corte.",
                "Corte 3: 2026-12-31 (jueves); publicar a más tardar el 2027-01-18 (lunes), 10 días hábiles después del corte.",
            ],
            Lines(output));
    }

    [Fact]
    public async Task Cutoffs_uses_the_configured_schedule_and_calendar()
    {
        var command = new CalendarCommand(new BusinessCalendar(), CutOffSchedule.PtepExample);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await command.RunAsync(["cutoffs", "2026"], new CliContext(output, error, CancellationToken.None));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(
            "Corte 2: 2026-12-31 (jueves); publicar a más tardar el 2027-01-30 (sábado), 30 días calendario después del corte.",
            output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Falta el subcomando.", "calendar")]
    [InlineData("Subcomando desconocido: 'moon'.", "calendar", "moon")]
    [InlineData("calendar holidays espera 1 argumento(s) y recibió 0.", "calendar", "holidays")]
    [InlineData("Año no válido: 'dos mil'.", "calendar", "holidays", "dos mil")]
    [InlineData("Año fuera de rango: 1983.", "calendar", "cutoffs", "1983")]
    [InlineData("Fecha no válida: '30/04/2026'.", "calendar", "add-business-days", "30/04/2026", "10")]
    [InlineData("Año fuera de rango: 1900.", "calendar", "add-business-days", "1900-01-05", "1")]
    [InlineData("Número de días hábiles no válido: 'diez'.", "calendar", "add-business-days", "2026-04-30", "diez")]
    [InlineData("calendar add-business-days espera 2 argumento(s) y recibió 1.", "calendar", "add-business-days", "2026-04-30")]
    public async Task Bad_arguments_are_usage_errors_with_the_command_help(string message, params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Contains("Uso: Vigia.Cli calendar", error, StringComparison.Ordinal);
    }
}
