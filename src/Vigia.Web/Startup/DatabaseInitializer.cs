using System.Security.Cryptography;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;
using Vigia.Core.Plans.Importing;

namespace Vigia.Web.Startup;

/// <summary>Applies the provider's migrations at start-up and, on an empty database, loads the bundled
/// Cali 2022 plan so that the first screen shows a real plan.</summary>
public static class DatabaseInitializer
{
    public const string BundledPlanFile = "paac-cali-2022.txt";

    /// <summary>The bundled document is Cali's published plan, signed by the mayor as the person responsible for it
    /// («Original Firmado»); it states no approval date, so none is recorded.</summary>
    public static readonly PublicationApproval BundledApproval = new(null, null, "Original firmado");

    private static string DescribeConnection(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return string.IsNullOrEmpty(connection.DataSource) ? connection.Database : $"{connection.DataSource} {connection.Database}";
    }

    /// <summary>Accounts still without an entity get the one <see cref="EntityAssignment"/>'s rule finds.</summary>
    private static async Task AssignEntitiesAsync(IServiceProvider services, AppDbContext db, ILogger logger)
    {
        var placed = await EntityAssignment.AssignExistingAsync(db, services.GetRequiredService<AuditScope>());
        if (placed > 0)
        {
            logger.LogInformation("{Count} cuentas sin entidad recibieron la de sus unidades o la única de la instalación.", placed);
        }
    }

    public static async Task InitializeAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        // Before anything else reads them: every risk is assessed with a stored method revision.
        await scope.ServiceProvider.GetRequiredService<Vigia.Core.RiskMap.RiskMethodCatalog>().EnsureLoadedAsync();
        logger.LogInformation("Base de datos {Provider}: {Database}", db.Database.ProviderName, DescribeConnection(db));
        // Before anything is written: from here on every audit entry is signed with the key kept outside the database.
        var keyFile = AuditKeys.PathFrom(configuration, services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory);
        var ring = await services.GetRequiredService<AuditKeys>().LoadAsync(keyFile, db);
        logger.LogInformation("Registro de auditoría firmado con la clave {KeyId} ({KeyFile})", ring.Current.Id, keyFile);
        await AssignEntitiesAsync(scope.ServiceProvider, db, logger);
        if (!configuration.GetValue("Vigia:LoadDemoPlan", true) || await db.Plans.AnyAsync())
        {
            return;
        }
        var path = Path.Combine(AppContext.BaseDirectory, "data", BundledPlanFile);
        var bytes = await File.ReadAllBytesAsync(path);
        using var reader = new StreamReader(new MemoryStream(bytes));
        var read = PlanDocumentReader.ReadText(reader);
        var importer = scope.ServiceProvider.GetRequiredService<PlanImportService>();
        var outcome = await importer.ImportAsync(read,
            new PlanImportOptions(SourceFileName: BundledPlanFile, SourceSha256: Convert.ToHexStringLower(SHA256.HashData(bytes)),
                Published: BundledApproval),
            "sistema (plan de demostración)");
        if (outcome.Succeeded)
        {
            // The bundled plan is Cali's, and Santiago de Cali is in Valle del Cauca.
            var entity = await db.Entities.SingleAsync(e => e.Plans.Any(p => p.Id == outcome.Value.PlanId));
            entity.DepartmentId ??= Departments.ValleDelCauca;
            using (scope.ServiceProvider.GetRequiredService<AuditScope>().Begin(new AuditActor(null, "sistema (plan de demostración)"),
                "Santiago de Cali está en el Valle del Cauca"))
            {
                await db.SaveChangesAsync();
            }
            logger.LogInformation("Plan de demostración {Year} cargado ({Notes} notas de importación).", outcome.Value.Year, outcome.Value.Notes.Count);
            await AssignEntitiesAsync(scope.ServiceProvider, db, logger);
        }
        else
        {
            logger.LogError("No se pudo cargar el plan de demostración: {Errors}",
                string.Join("; ", outcome.Value.Notes.Where(n => n.Kind == ImportNoteKind.Error).Select(n => $"línea {n.Line}: {n.Message}")));
        }
    }
}
