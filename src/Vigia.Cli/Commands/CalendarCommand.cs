using Vigia.Core.FollowUps;
using static Vigia.Cli.CliArguments;

namespace Vigia.Cli.Commands;

/// <summary><c>calendar</c>: Colombian holidays, business-day arithmetic and follow-up cut-offs.</summary>
/// <param name="calendar">Business days to use; the national calendar by default.</param>
/// <param name="schedule">Follow-up cut-offs; the PAAC ones by default.</param>
public sealed class CalendarCommand(BusinessCalendar? calendar = null, CutOffSchedule? schedule = null) : ICliCommand
{
    private readonly BusinessCalendar _calendar = calendar ?? BusinessCalendar.Default;
    private readonly CutOffSchedule _schedule = schedule ?? CutOffSchedule.Paac;

    /// <inheritdoc />
    public string Name => "calendar";

    /// <inheritdoc />
    public string Summary => "Festivos de Colombia, días hábiles y cortes de seguimiento del PAAC.";

    /// <inheritdoc />
    public string Usage => $"""
        Uso: {CliApp.ProgramName} calendar <subcomando> [argumentos]

        Subcomandos:
          holidays <año>                     Lista los 18 festivos del año (Ley 51 de 1983).
          add-business-days <fecha> <n>      Fecha n días hábiles después de <fecha>, sin contarla
                                             (n negativo cuenta hacia atrás).
          cutoffs <año>                      Cortes de seguimiento del PAAC de la vigencia y
                                             fecha límite de publicación de cada informe.

        Fechas en formato AAAA-MM-DD. Días hábiles: lunes a viernes, sin festivos.

        Ejemplos:
          {CliApp.ProgramName} calendar holidays 2026
          {CliApp.ProgramName} calendar add-business-days 2026-04-30 10
          {CliApp.ProgramName} calendar cutoffs 2026

        """;

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count == 0)
            throw new UsageException("Falta el subcomando.");

        var rest = args.Skip(1).ToArray();
        switch (args[0].ToUpperInvariant())
        {
            case "HOLIDAYS":
                ExpectCount(rest, 1, "calendar holidays");
                await WriteHolidaysAsync(ParseYear(rest[0]), context.Out);
                break;
            case "ADD-BUSINESS-DAYS":
                ExpectCount(rest, 2, "calendar add-business-days");
                var start = ParseDate(rest[0]);
                var n = ParseInt(rest[1], "Número de días hábiles");
                await context.Out.WriteLineAsync(Iso(_calendar.AddBusinessDays(start, n)));
                break;
            case "CUTOFFS":
                ExpectCount(rest, 1, "calendar cutoffs");
                await WriteCutOffsAsync(ParseYear(rest[0]), context.Out);
                break;
            default:
                throw new UsageException($"Subcomando desconocido: '{args[0]}'.");
        }

        return ExitCodes.Success;
    }

    private static async Task WriteHolidaysAsync(int year, TextWriter output)
    {
        foreach (var holiday in ColombianHolidays.For(year))
            await output.WriteLineAsync($"{Iso(holiday.Date)}  {SpanishFormat.DayName(holiday.Date)}  {holiday.Name}");
    }

    private async Task WriteCutOffsAsync(int year, TextWriter output)
    {
        await output.WriteLineAsync($"Cortes de seguimiento, vigencia {year}:");
        foreach (var d in _schedule.For(year, _calendar))
        {
            var unit = d.Rule.Unit == PublicationTermUnit.BusinessDays ? "días hábiles" : "días calendario";
            await output.WriteLineAsync(
                $"Corte {d.Number}: {Iso(d.CutOffDate)} ({SpanishFormat.DayName(d.CutOffDate)}); "
                + $"publicar a más tardar el {Iso(d.PublicationDeadline)} ({SpanishFormat.DayName(d.PublicationDeadline)}), "
                + $"{d.Rule.PublicationTerm} {unit} después del corte.");
        }
    }
}
