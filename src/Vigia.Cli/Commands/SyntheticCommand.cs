using Vigia.Core.Audit;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Synthetic;
using static Vigia.Cli.CliArguments;

namespace Vigia.Cli.Commands;

/// <summary><c>synthetic generate</c>: a synthetic nation of entities for load tests and demonstrations
/// (<see cref="SyntheticGenerator"/>, docs/synthetic-data.md); everything it writes is marked simulated.</summary>
public sealed class SyntheticCommand(IConfiguration? configuration = null, TimeProvider? clock = null) : ICliCommand
{
    /// <summary>The template every generated plan is shaped like: the bundled seed, copied next to the tool.</summary>
    public static string DefaultTemplate => Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt");

    public string Name => "synthetic";

    public string Summary => "Genera una nación simulada de entidades con planes, reportes y seguimientos (datos simulados).";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} synthetic generate --entities N --year AÑO [--seed S] [--at AAAA-MM-DD] [--template ARCHIVO]

        Crea N entidades simuladas repartidas en los 32 departamentos y Bogotá (una gobernación por
        departamento que aloja sus alcaldías), cada una con dependencias, un plan publicado con la forma
        del plan de referencia, programación mensual, reportes de avance con evidencias (solo metadatos,
        sin archivo), registros de monitoreo y seguimientos de Control Interno en los cortes ya pasados.
        Todo queda marcado como «Datos simulados». La misma semilla da los mismos datos; una segunda
        ejecución añade entidades nuevas, con identificadores de URL distintos de los existentes.

          --entities N        Número de entidades (1 a {SyntheticRequest.MaxEntities}).
          --year AÑO          Vigencia de los planes.
          --seed S            Semilla (por defecto 1).
          --at AAAA-MM-DD     Fecha de referencia: nada simulado es posterior (por defecto el 31 de
                              diciembre de la vigencia, u hoy en Colombia si la vigencia es la actual).
          --template ARCHIVO  Plan de referencia en texto o XLSX (por defecto el plan incluido).

        Ejemplo:
          {CliApp.ProgramName} synthetic generate --entities 1100 --year 2025 --seed 7

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count == 0 || args[0] != "generate")
        {
            throw new UsageException("Indique la acción: generate.");
        }
        var options = CliOptions.Parse(args.Skip(1).ToList(),
            new HashSet<string> { "--entities", "--year", "--seed", "--at", "--template" }, new HashSet<string>());
        var entities = ParseInt(options.Value("--entities") ?? throw new UsageException("Falta --entities."), "Número de entidades");
        var yearText = options.Value("--year") ?? throw new UsageException("Falta --year.");
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw new UsageException($"Año no válido: '{yearText}'. Use cuatro cifras, por ejemplo 2025.");
        }
        var seed = options.Value("--seed") is { } s ? ParseInt(s, "Semilla") : 1;
        var time = clock ?? TimeProvider.System;
        var today = ColombianTime.Today(time);
        var at = options.Value("--at") is { } a ? ParseDate(a) : SyntheticRequest.DefaultAt(year, today);
        var errors = SyntheticRequest.Validate(entities, year, at, today);
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join('\n', errors.Values));
        }
        // Everything is checked before the database is touched: a usage error writes nothing.
        var templatePath = options.Value("--template") ?? DefaultTemplate;
        if (!File.Exists(templatePath))
        {
            throw new UsageException($"No se encuentra el plan de referencia: '{templatePath}'.");
        }
        ImportResult read;
        await using (var stream = File.OpenRead(templatePath))
        {
            read = PlanDocumentReader.Read(stream, Path.GetFileName(templatePath));
        }
        if (!read.Succeeded)
        {
            await context.Error.WriteLineAsync($"El plan de referencia no se pudo leer: {read.Notes.FirstOrDefault(n => n.Kind == ImportNoteKind.Error)?.Message}");
            return ExitCodes.Failure;
        }
        await using var services = await CliServices.StartAsync(configuration ?? CliServices.Configuration(), context.CancellationToken);
        await using var scope = CliServices.CreateAuditedScope(services, "synthetic generate");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var generator = new SyntheticGenerator(db, scope.ServiceProvider.GetRequiredService<AuditScope>(), time);
        var summary = await generator.GenerateAsync(new SyntheticRequest(entities, year, seed, at), read.Plan!, context.CancellationToken);
        await context.Out.WriteLineAsync($"Generado: {summary.Describe()}.");
        var phases = string.Join(", ", generator.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Elapsed.TotalSeconds:0.0} s")));
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Fecha de referencia {Iso(at)}; semilla {seed}; {summary.Elapsed.TotalSeconds:0.0} s ({phases})."));
        // The bulk rows bypass the interceptor that marks plans stale: compute the stored compliance of the new plans now,
        // so the first reader of a consolidated view does not pay for 1,100 plans.
        var started = time.GetTimestamp();
        var refreshed = await scope.ServiceProvider.GetRequiredService<Vigia.Core.Compliance.Stored.ComplianceStateStore>().EnsureFreshAsync(
            db.Plans.Where(p => p.EntityId >= summary.FirstEntityId && p.EntityId <= summary.LastEntityId).Select(p => p.Id), context.CancellationToken);
        await context.Out.WriteLineAsync(string.Create(SpanishFormat.Culture,
            $"Cumplimiento calculado y guardado para {refreshed} planes en {time.GetElapsedTime(started).TotalSeconds:0.0} s."));
        return ExitCodes.Success;
    }
}
