using System.Security.Cryptography;
using Vigia.Core;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;
using static Vigia.Cli.CliArguments;

namespace Vigia.Cli.Commands;

/// <summary><c>import</c>: reads a plan document (text layout of the PDF, or XLSX) and stores it, printing the import report.</summary>
public sealed class ImportCommand(IConfiguration? configuration = null) : ICliCommand
{
    public string Name => "import";

    public string Summary => "Importa un plan desde su documento (texto del PDF o XLSX) e imprime el informe de importación.";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} import <archivo> [--year AÑO] [--entity NOMBRE] [--kind paac|ptep]

        Lee el plan (el texto de su PDF o la hoja de cálculo .xlsx), lo guarda con su
        primera versión y muestra cada inferencia y cada línea omitida con su número.
        Si el documento no se puede leer, no cambia nada y termina con código 1.

          --year AÑO        Vigencia del plan; sin ella se usa la VIGENCIA del documento.
          --entity NOMBRE   Entidad dueña del plan; sin ella se usa el encabezado del documento.
          --kind paac|ptep  Tipo de plan: paac (Plan Anticorrupción y de Atención al Ciudadano, por
                            defecto) o ptep (Programa de Transparencia y Ética Pública).

        El libro .xlsx puede venir con la disposición del plan de Cali (una hoja con N°,
        ACTIVIDADES, DESCRIPCIÓN, METAS, meses…) o con la de la plantilla del DAFP (una hoja
        por componente con Subcomponente, N°, Actividades, Meta o producto, Responsable y
        Fecha programada); la disposición se reconoce sola.

        Base de datos: la misma configuración que la aplicación web
        (Database__Provider, ConnectionStrings__Vigia).

        Ejemplo:
          {CliApp.ProgramName} import data/paac-cali-2022.txt --year 2022

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var options = CliOptions.Parse(args, new HashSet<string> { "--year", "--entity", "--kind" }, new HashSet<string>());
        if (options.Positional.Count != 1)
        {
            throw new UsageException("Indique un archivo para importar.");
        }
        var path = options.Positional[0];
        var year = options.Value("--year") is { } y ? ParseYear(y) : (int?)null;
        var kind = options.Value("--kind") switch
        {
            null => PlanKind.Paac,
            { } k when k.Equals("paac", StringComparison.OrdinalIgnoreCase) => PlanKind.Paac,
            { } k when k.Equals("ptep", StringComparison.OrdinalIgnoreCase) => PlanKind.Ptep,
            { } k => throw new UsageException($"El tipo de plan «{k}» no existe: use paac o ptep."),
        };
        if (!File.Exists(path))
        {
            await context.Error.WriteLineAsync($"No existe el archivo '{path}'.");
            return ExitCodes.Failure;
        }
        var bytes = await File.ReadAllBytesAsync(path, context.CancellationToken);
        var read = PlanDocumentReader.Read(new MemoryStream(bytes), path);
        await using var services = await CliServices.StartAsync(configuration ?? CliServices.Configuration(), context.CancellationToken);
        await using var scope = CliServices.CreateAuditedScope(services, "import");
        var outcome = await scope.ServiceProvider.GetRequiredService<PlanImportService>().ImportAsync(read,
            new PlanImportOptions(year, options.Value("--entity"), kind, SourceFileName: Path.GetFileName(path),
                SourceSha256: Convert.ToHexStringLower(SHA256.HashData(bytes))),
            "línea de comandos", context.CancellationToken);
        await WriteReportAsync(read, outcome, context);
        return outcome.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task WriteReportAsync(ImportResult read, Result<PlanImport> outcome, CliContext context)
    {
        var output = outcome.Succeeded ? context.Out : context.Error;
        var import = outcome.Value;
        await output.WriteLineAsync("Informe de importación");
        foreach (var note in import.Notes)
        {
            var line = note.Line == 0 ? "      -" : note.Line < 100_000 ? $"{note.Line,7}" : ImportNoteKinds.Place(note);
            await output.WriteLineAsync($"{line}  [{ImportNoteKinds.DisplayName(note.Kind)}] {note.Message}");
        }
        if (!outcome.Succeeded)
        {
            await output.WriteLineAsync("El documento no se importó; la base de datos quedó como estaba.");
            return;
        }
        var plan = read.Plan!;
        var activities = plan.Components.Sum(c => c.Activities.Count + c.Subcomponents.Sum(s => s.Activities.Count));
        var actions = plan.Components.Sum(c => c.Activities.Sum(a => a.Actions.Count) + c.Subcomponents.Sum(s => s.Activities.Sum(a => a.Actions.Count)));
        await output.WriteLineAsync(
            $"Plan {import.Year} de {import.EntitySlug} importado: {plan.Components.Count} componentes, "
            + $"{plan.Components.Sum(c => c.Subcomponents.Count)} subcomponentes, {activities} actividades y {actions} acciones; "
            + $"{import.Notes.Count} notas.");
        await output.WriteLineAsync($"Véalo en /planes/{import.EntitySlug}/{import.Year}");
    }
}
