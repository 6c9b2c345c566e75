using Vigia.Core.RiskMap;
using static Vigia.Cli.CliArguments;

namespace Vigia.Cli.Commands;

/// <summary><c>riskmap import</c>: reads a corruption risk map in the DAFP v5 matrix layout (XLSX) and stores it in
/// one entity's year, all or nothing, printing the import report.</summary>
public sealed class RiskMapCommand(IConfiguration? configuration = null) : ICliCommand
{
    public string Name => "riskmap";

    public string Summary => "Importa un mapa de riesgos de corrupción desde la matriz XLSX (formato DAFP v5) e imprime el informe.";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} riskmap import <archivo.xlsx> --year AÑO [--entity NOMBRE]

        Lee la matriz (una fila por control, las celdas del riesgo combinadas sobre sus controles;
        las columnas se reconocen por su encabezado, en cualquier orden). Vigía calcula las zonas
        con el método vigente y avisa, por fila, donde las del archivo difieren. Si una fila no se
        puede leer, o un riesgo no reúne los cuatro elementos o se trata con «Aceptar», no importa
        nada y termina con código 1.

          --year AÑO        Vigencia del mapa.
          --entity NOMBRE   Entidad dueña del mapa; sin ella, la del título del archivo.

        Base de datos: la misma configuración que la aplicación web
        (Database__Provider, ConnectionStrings__Vigia).

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0 || args[0] != "import")
        {
            throw new UsageException("Use «riskmap import <archivo.xlsx> --year AÑO [--entity NOMBRE]».");
        }
        var options = CliOptions.Parse(args.Skip(1).ToList(), new HashSet<string> { "--year", "--entity" }, new HashSet<string>());
        if (options.Positional.Count != 1)
        {
            throw new UsageException("Indique un archivo .xlsx para importar.");
        }
        if (options.Value("--year") is not { } yearText)
        {
            throw new UsageException("Indique la vigencia del mapa con --year AÑO.");
        }
        var year = ParseYear(yearText);
        var path = options.Positional[0];
        if (!File.Exists(path))
        {
            await context.Error.WriteLineAsync($"No existe el archivo '{path}'.");
            return ExitCodes.Failure;
        }
        await using var services = await CliServices.StartAsync(configuration ?? CliServices.Configuration(), context.CancellationToken);
        await using var scope = CliServices.CreateAuditedScope(services, "riskmap import");
        await scope.ServiceProvider.GetRequiredService<RiskMethodCatalog>().EnsureLoadedAsync(context.CancellationToken);
        await using var file = File.OpenRead(path);
        var outcome = await scope.ServiceProvider.GetRequiredService<RiskMapImportService>().ImportAsync(file,
            new RiskMapImportOptions(year, options.Value("--entity")), context.CancellationToken);
        var report = outcome.Value;
        var output = outcome.Succeeded ? context.Out : context.Error;
        await output.WriteLineAsync("Informe de importación del mapa de riesgos");
        foreach (var note in report.Notes)
        {
            await output.WriteLineAsync($"  [{(note.Kind == RiskImportNoteKind.Error ? "Error" : "Aviso")}] {note.Text}");
        }
        if (!outcome.Succeeded)
        {
            await output.WriteLineAsync("El mapa no se importó; la base de datos quedó como estaba.");
            return ExitCodes.Failure;
        }
        var created = report.CreatedProcesses.Count == 0 ? "" : $"; procesos creados: {string.Join(", ", report.CreatedProcesses)}";
        await output.WriteLineAsync($"Mapa de riesgos {year} de {report.EntityName} importado: {report.Risks} riesgos y {report.Controls} controles{created}.");
        return ExitCodes.Success;
    }
}
