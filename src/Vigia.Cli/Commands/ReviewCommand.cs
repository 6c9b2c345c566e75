using Vigia.Core.Plans;
using Vigia.Core.Plans.Review;
using static Vigia.Cli.CliArguments;

namespace Vigia.Cli.Commands;

/// <summary><c>review</c>: the plan's quality review (<see cref="PlanReview"/>), one finding a line; exits 1 when there
/// is an error, so a script can stop a publication.</summary>
public sealed class ReviewCommand(IConfiguration? configuration = null) : ICliCommand
{
    public string Name => "review";

    public string Summary => "Revisión de calidad del plan: un hallazgo por línea; termina con código 1 si hay errores.";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} review --year AÑO [--entity ENTIDAD] [--version N]

        Revisa la última versión del plan (el borrador en preparación, si lo hay) o la versión N, e imprime
        cada hallazgo en una línea: gravedad, código de la acción o actividad, campo y mensaje, separados
        por tabuladores. Termina con código 1 si hay al menos un error.

          --year AÑO          Vigencia del plan.
          --entity ENTIDAD    Identificador de la entidad, si varias tienen plan ese año.
          --version N         Una versión concreta.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = CliOptions.Parse(args, new HashSet<string> { "--year", "--entity", "--version" }, new HashSet<string>());
        var year = ParseYear(options.Value("--year") ?? throw new UsageException("Falta --year."));
        int? version = options.Value("--version") is { } v ? ParseInt(v, "Versión") : null;
        await using var services = await CliServices.StartAsync(configuration ?? CliServices.Configuration(), context.CancellationToken);
        await using var scope = CliServices.CreateAuditedScope(services, "review");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var location = await new PlanLocator(db).FindAsync(options.Value("--entity"), year, context.CancellationToken);
        if (!location.Found)
        {
            await context.Error.WriteLineAsync(location.Ambiguous
                ? $"Varias entidades tienen plan en {year}: indique --entity ({string.Join(", ", location.CandidateEntities)})."
                : $"No hay un plan para la vigencia {year}.");
            return ExitCodes.Failure;
        }
        var report = await PlanReviews.RunAsync(db, location.PlanId!.Value, version, context.CancellationToken);
        if (report is null)
        {
            await context.Error.WriteLineAsync($"El plan {year} no tiene la versión {version}.");
            return ExitCodes.Failure;
        }
        foreach (var f in report.Findings)
        {
            await context.Out.WriteLineAsync($"{f.SeverityName}\t{f.Code}\t{f.FieldName}\t{f.Message}");
        }
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Versión {report.VersionNumber}: {report.ErrorCount} errores, {report.WarningCount} advertencias, {report.PlainLanguageCount} de lenguaje claro."));
        return report.ErrorCount > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
