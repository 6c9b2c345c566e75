using Vigia.Core.FollowUps;
using Vigia.Core.Plans;
using static Vigia.Cli.CliArguments;

namespace Vigia.Cli.Commands;

/// <summary><c>followup</c>: writes Control Interno's follow-up report of a cut-off (XLSX or PDF), or shows and
/// sets a plan's cut-offs.</summary>
public sealed class FollowUpCommand(IConfiguration? configuration = null, TimeProvider? clock = null) : ICliCommand
{
    public string Name => "followup";

    public string Summary => "Informe de seguimiento de Control Interno de un corte (XLSX o PDF) y cortes de un plan.";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} followup report --year AÑO --cutoff AAAA-MM-DD --format xlsx|pdf --out ARCHIVO [--entity ENTIDAD]
             {CliApp.ProgramName} followup cutoffs --year AÑO [--entity ENTIDAD] [--set "04-30:10h; 08-31:10h; 12-31:10h"]

        report   Escribe el informe del corte con el formato oficial. Si el seguimiento está
                 cerrado, sale de su instantánea congelada (la misma huella SHA-256 que en la web);
                 si no, es un BORRADOR con los datos actuales, marcado en cada página.
        cutoffs  Muestra los cortes del plan y su plazo de publicación. Con --set guarda los
                 cortes propios del plan (mes-día:plazo, h días hábiles o c calendario);
                 --set "" vuelve a los cortes por defecto.

          --entity ENTIDAD  Identificador de la entidad (p. ej. alcaldia-de-santiago-de-cali);
                            solo hace falta si varias entidades tienen plan ese año.

        Ejemplo:
          {CliApp.ProgramName} followup report --year 2022 --cutoff 2022-04-30 --format pdf --out seguimiento.pdf

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count == 0 || args[0] is not ("report" or "cutoffs"))
        {
            throw new UsageException("Indique la acción: report o cutoffs.");
        }
        var report = args[0] == "report";
        var options = CliOptions.Parse(args.Skip(1).ToList(),
            report ? new HashSet<string> { "--year", "--cutoff", "--format", "--out", "--entity" } : new HashSet<string> { "--year", "--entity", "--set" },
            new HashSet<string>());
        var year = ParseYear(options.Value("--year") ?? throw new UsageException("Falta --year."));
        await using var services = await CliServices.StartAsync(configuration ?? CliServices.Configuration(), context.CancellationToken);
        await using var scope = CliServices.CreateAuditedScope(services, "followup");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var location = await new PlanLocator(db).FindAsync(options.Value("--entity"), year, context.CancellationToken);
        if (!location.Found)
        {
            await context.Error.WriteLineAsync(location.Ambiguous
                ? $"Varias entidades tienen plan en {year}: indique --entity ({string.Join(", ", location.CandidateEntities)})."
                : $"No hay un plan para la vigencia {year}.");
            return ExitCodes.Failure;
        }
        var calendar = new FollowUpCalendar(db, clock);
        return report
            ? await ReportAsync(options, db, calendar, location.PlanId!.Value, context)
            : await CutOffsAsync(options, calendar, location.PlanId!.Value, context);
    }

    private static async Task<int> ReportAsync(CliOptions options, AppDbContext db, FollowUpCalendar calendar, int planId, CliContext context)
    {
        var cutOff = ParseDate(options.Value("--cutoff") ?? throw new UsageException("Falta --cutoff."));
        var format = options.Value("--format") ?? throw new UsageException("Falta --format (xlsx o pdf).");
        if (format is not ("xlsx" or "pdf"))
        {
            throw new UsageException($"Formato no válido: '{format}'. Use xlsx o pdf.");
        }
        var output = options.Value("--out") ?? throw new UsageException("Falta --out.");
        var document = await new FollowUpDocuments(db, calendar).ForCutOffAsync(planId, cutOff, context.CancellationToken);
        if (document is null)
        {
            var cutOffs = await calendar.CutOffsAsync(planId, context.CancellationToken);
            await context.Error.WriteLineAsync($"{Iso(cutOff)} no es un corte del plan. Cortes: {string.Join(", ", cutOffs.Select(c => Iso(c.CutOffDate)))}.");
            return ExitCodes.Failure;
        }
        await using (var file = File.Create(output))
        {
            if (format == "pdf")
            {
                FollowUpPdf.Write(document, file);
            }
            else
            {
                FollowUpXlsx.Write(document, file);
            }
        }
        await context.Out.WriteLineAsync(document.IsDraft
            ? $"BORRADOR del seguimiento al corte {Iso(cutOff)} escrito en {output} (el seguimiento no está cerrado)."
            : $"Seguimiento al corte {Iso(cutOff)}, versión {document.Version}, escrito en {output}; SHA-256 de la instantánea: {document.Sha256}.");
        return ExitCodes.Success;
    }

    private static async Task<int> CutOffsAsync(CliOptions options, FollowUpCalendar calendar, int planId, CliContext context)
    {
        if (options.Value("--set") is { } text)
        {
            var saved = await calendar.SaveOverrideAsync(Vigia.Core.Accounts.Actor.System, planId, text, context.CancellationToken);
            if (!saved.Succeeded)
            {
                await context.Error.WriteLineAsync(string.Join(" ", saved.Errors.Values));
                return ExitCodes.Failure;
            }
        }
        var schedule = await calendar.ScheduleForAsync(planId, context.CancellationToken);
        await context.Out.WriteLineAsync($"Cortes: {FollowUpCalendar.Format(schedule)}");
        foreach (var c in await calendar.CutOffsAsync(planId, context.CancellationToken))
        {
            await context.Out.WriteLineAsync($"  {c.Number}. corte {Iso(c.CutOffDate)} ({SpanishFormat.DayName(c.CutOffDate)}), publicar a más tardar el {Iso(c.PublicationDeadline)} ({SpanishFormat.DayName(c.PublicationDeadline)})");
        }
        return ExitCodes.Success;
    }
}
