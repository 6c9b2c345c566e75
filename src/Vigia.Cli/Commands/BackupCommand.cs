using Vigia.Core.Audit;
using Vigia.Core.Data.Backup;
using Vigia.Core.Files;

namespace Vigia.Cli.Commands;

/// <summary><c>backup --out DIR [--include-audit-key]</c>: a consistent copy of the database and the evidence files with a
/// manifest of SHA-256 hashes (<see cref="BackupService"/>, docs/backup.md).</summary>
public sealed class BackupCommand(IConfiguration? configuration = null, TimeProvider? clock = null) : ICliCommand
{
    public string Name => "backup";

    public string Summary => "Copia de seguridad de la base de datos y de los archivos de evidencia, con su manifiesto de huellas.";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} backup --out CARPETA [--include-audit-key]

        Copia la base de datos configurada (SQLite: copia en línea con la API de respaldo, sin
        detener Vigía; PostgreSQL: pg_dump en formato personalizado) y la carpeta de archivos
        (Uploads:Root) en CARPETA, que debe estar vacía o no existir, y escribe al final
        {BackupService.ManifestName} con el tamaño y la huella SHA-256 de cada archivo y el punto
        de control del registro de auditoría en el momento de la copia.
        La clave del registro de auditoría (Audit:KeyFile) no se copia: guárdela aparte, en un
        lugar distinto de la copia. Con --include-audit-key se copia también (solo para copias
        que se guardan cifradas).

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        string? folder = null;
        var includeKey = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Count:
                    folder = args[++i];
                    break;
                case "--include-audit-key":
                    includeKey = true;
                    break;
                default:
                    throw new UsageException($"Argumento no reconocido: «{args[i]}».");
            }
        }
        if (folder is null)
        {
            throw new UsageException("Falta --out CARPETA: la carpeta donde se escribe la copia.");
        }
        var settings = configuration ?? CliServices.Configuration();
        var target = BackupTargets.From(settings);
        var service = new BackupService(clock ?? TimeProvider.System) { PostgresBin = settings[BackupService.PostgresBinKey] };
        try
        {
            var manifest = await service.CreateAsync(target, folder, includeKey, context.CancellationToken);
            await context.Out.WriteLineAsync(string.Create(SpanishFormat.Culture,
                $"Copia escrita en {Path.GetFullPath(folder)}: base de datos {manifest.Provider} ({manifest.Database.Bytes:N0} bytes) y {manifest.Files.Count(f => f.Path.StartsWith(BackupService.UploadsFolder + "/", StringComparison.Ordinal))} archivos de evidencia."));
            await context.Out.WriteLineAsync(manifest.AuditCheckpoint is { } checkpoint
                ? $"Punto de control del registro de auditoría en la copia: {checkpoint}"
                : "El registro de auditoría estaba vacío.");
            if (!manifest.IncludesAuditKey)
            {
                await context.Out.WriteLineAsync($"La clave del registro de auditoría no se copió: guarde aparte {target.AuditKeyFile}.");
            }
            return ExitCodes.Success;
        }
        catch (BackupException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failure;
        }
    }
}

/// <summary><c>restore --from DIR [--force]</c>: checks every file of a backup against its manifest, restores it into the
/// configured database and uploads folder (empty, unless --force) and verifies the restored audit trail.</summary>
public sealed class RestoreCommand(IConfiguration? configuration = null, TimeProvider? clock = null) : ICliCommand
{
    public string Name => "restore";

    public string Summary => "Restaura una copia de seguridad en la base de datos y la carpeta de archivos configuradas.";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} restore --from CARPETA [--force]

        Comprueba primero cada archivo de la copia contra su huella en {BackupService.ManifestName};
        si alguno falta o no coincide, no cambia nada. Restaura la base de datos en la configurada
        (ConnectionStrings:Vigia), que debe estar vacía, y los archivos de evidencia en
        Uploads:Root, que debe estar vacía; --force restaura encima de lo que haya. PostgreSQL se
        restaura con pg_restore en una sola transacción.
        Después, si encuentra la clave del registro de auditoría (Audit:KeyFile), verifica el
        registro restaurado y que conserve el punto de control de la copia. Código 0 si la copia
        quedó restaurada e íntegra, 1 si no.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        string? folder = null;
        var force = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Count:
                    folder = args[++i];
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    throw new UsageException($"Argumento no reconocido: «{args[i]}».");
            }
        }
        if (folder is null)
        {
            throw new UsageException("Falta --from CARPETA: la carpeta de la copia que se restaura.");
        }
        var settings = configuration ?? CliServices.Configuration();
        var target = BackupTargets.From(settings);
        var service = new BackupService(clock ?? TimeProvider.System) { PostgresBin = settings[BackupService.PostgresBinKey] };
        RestoreOutcome outcome;
        try
        {
            outcome = await service.RestoreAsync(target, folder, force, context.CancellationToken);
        }
        catch (BackupException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failure;
        }
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Copia del {outcome.Manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC restaurada: base de datos {outcome.Manifest.Provider} y {outcome.FilesRestored} archivos de evidencia."));
        if (outcome.Verification is not { } verification)
        {
            await context.Out.WriteLineAsync($"No se encontró la clave del registro de auditoría ({target.AuditKeyFile}): colóquela allí y ejecute «audit verify --checkpoint {outcome.Manifest.AuditCheckpoint}».");
            return ExitCodes.Success;
        }
        if (verification.FirstBreak is { } broken)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"El registro de auditoría restaurado no está íntegro: entrada {broken.Sequence}. {broken.Message}"));
            return ExitCodes.Failure;
        }
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"El registro de auditoría restaurado está íntegro: {verification.Count} entradas verificadas{(outcome.Manifest.AuditCheckpoint is { } c ? $", y conserva el punto de control {c}" : "")}."));
        return ExitCodes.Success;
    }
}

/// <summary>The installation's database, uploads folder and audit key, resolved as the web host resolves them.</summary>
internal static class BackupTargets
{
    public static BackupTarget From(IConfiguration configuration)
    {
        var (provider, connection) = DatabaseSetup.Read(configuration);
        var uploads = configuration[UploadOptions.SectionName + ":Root"] is { Length: > 0 } root ? root : UploadOptions.DefaultRoot;
        return new BackupTarget(provider, connection, Path.GetFullPath(uploads, Environment.CurrentDirectory),
            AuditKeys.PathFrom(configuration, Environment.CurrentDirectory));
    }
}
