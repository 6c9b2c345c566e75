using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Vigia.Core.Audit;

namespace Vigia.Core.Data.Backup;

/// <summary>Where an installation keeps what a backup copies: its database and its uploads folder (the evidence files).
/// <paramref name="AuditKeyFile"/> is the audit trail's key, kept outside the database; a backup copies it only when asked.</summary>
public sealed record BackupTarget(DatabaseProvider Provider, string ConnectionString, string UploadsRoot, string AuditKeyFile);

/// <summary>One file of a backup, by its path inside the backup folder (with forward slashes), size and SHA-256.</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>What a backup folder holds, written last as <see cref="BackupService.ManifestName"/>: a folder without it is
/// an unfinished backup and is never restored.</summary>
/// <param name="AuditCheckpoint">The audit trail's head (<c>SEQ:HASH</c>) read before the copy: the copy holds at least that
/// entry, so a restored trail that no longer holds it was altered.</param>
/// <param name="LastMigration">The schema of the copy: a restore into an older Vigía refuses it.</param>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, string Provider, string? LastMigration, string? AuditCheckpoint,
    bool IncludesAuditKey, BackupFile Database, IReadOnlyList<BackupFile> Files);

/// <summary>What a restore did.</summary>
public sealed record RestoreOutcome(BackupManifest Manifest, int FilesRestored, AuditVerification? Verification, bool KeyFound);

/// <summary>Thrown when a backup or a restore cannot go on; the message is for the person running it, in Spanish. A restore
/// that throws has changed nothing, except where the message says so.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// <c>backup</c> and <c>restore</c> (docs/backup.md). SQLite is copied with its online backup API, so the copy is consistent
/// while Vigía keeps running; PostgreSQL with <c>pg_dump</c> in its custom format (one consistent snapshot). The uploads folder
/// is copied after the database: evidence is written before the row that points to it is committed, so every row of the copy
/// finds its file (the copy may hold a few files more, which the daily sweep removes). The manifest lists every file with its
/// SHA-256 and a restore checks all of them before it touches anything.
/// </summary>
public sealed class BackupService(TimeProvider clock)
{
    public const string ManifestName = "manifiesto.json";
    public const string SqliteFileName = "vigia.db";
    public const string PostgresFileName = "vigia.pgdump";
    public const string UploadsFolder = "uploads";
    public const string AuditKeyFileName = "audit-key";
    public const int Format = 1;

    /// <summary>Configuration key of the folder holding <c>pg_dump</c> and <c>pg_restore</c>; without it they are looked up
    /// on the PATH and then in the newest <c>/usr/lib/postgresql/*/bin</c>.</summary>
    public const string PostgresBinKey = "Backup:PostgresBin";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string? PostgresBin { get; init; }

    public async Task<BackupManifest> CreateAsync(BackupTarget source, string outDirectory, bool includeAuditKey = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var folder = Path.GetFullPath(outDirectory);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"La carpeta {folder} no está vacía: la copia se escribe en una carpeta nueva o vacía, para no mezclar dos copias.");
        }
        if (source.Provider == DatabaseProvider.Sqlite
            && !File.Exists(Path.GetFullPath(new SqliteConnectionStringBuilder(source.ConnectionString).DataSource)))
        {
            throw new BackupException(
                $"No existe la base de datos {Path.GetFullPath(new SqliteConnectionStringBuilder(source.ConnectionString).DataSource)} (ConnectionStrings:Vigia).");
        }
        Directory.CreateDirectory(folder);
        string? checkpoint;
        string? migration;
        await using (var db = Open(source.Provider, source.ConnectionString))
        {
            if (!await db.Database.CanConnectAsync(ct))
            {
                throw new BackupException("No se pudo abrir la base de datos configurada (ConnectionStrings:Vigia).");
            }
            checkpoint = (await AuditCheckpoint.CurrentAsync(db, ct: ct))?.ToString();
            migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
        }

        var databaseName = source.Provider == DatabaseProvider.Sqlite ? SqliteFileName : PostgresFileName;
        var databasePath = Path.Combine(folder, databaseName);
        if (source.Provider == DatabaseProvider.Sqlite)
        {
            CopySqlite(source.ConnectionString, $"Data Source={databasePath};Pooling=False");
        }
        else
        {
            await RunPostgresToolAsync("pg_dump", source.ConnectionString,
                ["--format=custom", "--no-owner", "--no-privileges", $"--file={databasePath}"], ct);
        }

        var files = new List<BackupFile>();
        if (Directory.Exists(source.UploadsRoot))
        {
            foreach (var file in Directory.EnumerateFiles(source.UploadsRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(source.UploadsRoot, file);
                var target = Path.Combine(folder, UploadsFolder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
                files.Add(await DescribeAsync(folder, target, ct));
            }
        }
        var includesKey = includeAuditKey && File.Exists(source.AuditKeyFile);
        if (includesKey)
        {
            var keyCopy = Path.Combine(folder, AuditKeyFileName);
            File.Copy(source.AuditKeyFile, keyCopy);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyCopy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            files.Add(await DescribeAsync(folder, keyCopy, ct));
        }
        var manifest = new BackupManifest(Format, clock.GetUtcNow(), source.Provider.ToString(), migration, checkpoint, includesKey,
            await DescribeAsync(folder, databasePath, ct), files);
        // Written last, through a temporary name: a folder with a manifest is a finished backup.
        var temporary = Path.Combine(folder, ManifestName + ".tmp");
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(manifest, Json), ct);
        File.Move(temporary, Path.Combine(folder, ManifestName));
        return manifest;
    }

    /// <summary>Reads and checks a backup folder: its manifest, and every file's size and SHA-256.</summary>
    public static async Task<BackupManifest> VerifyAsync(string fromDirectory, CancellationToken ct = default)
    {
        var folder = Path.GetFullPath(fromDirectory);
        var manifestPath = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifestPath))
        {
            throw new BackupException($"{folder} no es una copia terminada: le falta {ManifestName}.");
        }
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllBytesAsync(manifestPath, ct), Json);
        }
        catch (JsonException e)
        {
            throw new BackupException($"{ManifestName} no se pudo leer: {e.Message}", e);
        }
        if (manifest is null || manifest.Format != Format || manifest.Database is null || manifest.Files is null)
        {
            throw new BackupException($"{ManifestName} no tiene el formato de una copia de Vigía (formato {Format}).");
        }
        foreach (var file in manifest.Files.Prepend(manifest.Database))
        {
            var path = Inside(folder, file.Path);
            if (!File.Exists(path))
            {
                throw new BackupException($"Falta el archivo {file.Path} de la copia.");
            }
            var actual = await DescribeAsync(folder, path, ct);
            if (actual.Bytes != file.Bytes || !string.Equals(actual.Sha256, file.Sha256, StringComparison.Ordinal))
            {
                throw new BackupException($"El archivo {file.Path} de la copia no coincide con su huella SHA-256: la copia está dañada o fue alterada.");
            }
        }
        return manifest;
    }

    /// <summary>Restores a verified backup into an empty database and uploads folder (or over them with
    /// <paramref name="force"/>), then, when the audit key is at hand, checks that the restored trail is intact and still
    /// holds the checkpoint read when the copy was made.</summary>
    public async Task<RestoreOutcome> RestoreAsync(BackupTarget target, string fromDirectory, bool force = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var folder = Path.GetFullPath(fromDirectory);
        var manifest = await VerifyAsync(folder, ct);
        if (!string.Equals(manifest.Provider, target.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupException($"La copia es de {manifest.Provider} y la base configurada es {target.Provider}: restáurela en una base del mismo tipo.");
        }
        await using (var probe = Open(target.Provider, target.ConnectionString))
        {
            var known = probe.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (manifest.LastMigration is { } last && !known.Contains(last))
            {
                throw new BackupException($"La copia tiene un esquema más nuevo ({last}) que esta versión de Vigía: actualice Vigía antes de restaurarla.");
            }
        }
        if (!force && await HasTablesAsync(target, ct))
        {
            throw new BackupException("La base de datos de destino ya tiene tablas: la restauración no sobrescribe datos sin --force.");
        }
        if (!force && Directory.Exists(target.UploadsRoot) && Directory.EnumerateFileSystemEntries(target.UploadsRoot).Any())
        {
            throw new BackupException($"La carpeta de archivos {target.UploadsRoot} no está vacía: la restauración no la sobrescribe sin --force.");
        }

        var database = Inside(folder, manifest.Database.Path);
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            var path = Path.GetFullPath(new SqliteConnectionStringBuilder(target.ConnectionString).DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            CopySqlite($"Data Source={database};Mode=ReadOnly;Pooling=False", target.ConnectionString);
        }
        else
        {
            // One transaction: a restore that fails leaves the database as it was.
            await RunPostgresToolAsync("pg_restore", target.ConnectionString,
                ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", .. force ? new[] { "--clean", "--if-exists" } : [], database], ct);
        }

        var restored = 0;
        var uploadsPrefix = UploadsFolder + "/";
        foreach (var file in manifest.Files.Where(f => f.Path.StartsWith(uploadsPrefix, StringComparison.Ordinal)))
        {
            var destination = Path.Combine(target.UploadsRoot, file.Path[uploadsPrefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Inside(folder, file.Path), destination, overwrite: force);
            restored++;
        }

        var ring = AuditKeyRing.Load(target.AuditKeyFile);
        AuditVerification? verification = null;
        if (ring is not null)
        {
            await using var db = Open(target.Provider, target.ConnectionString);
            AuditCheckpoint? held = AuditCheckpoint.TryParse(manifest.AuditCheckpoint, out var parsed) ? parsed : null;
            verification = await AuditVerifier.VerifyAsync(db, ring, held, ct: ct);
        }
        return new RestoreOutcome(manifest, restored, verification, ring is not null);
    }

    private static AppDbContext Open(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        return new AppDbContext(options.Options);
    }

    private static async Task<bool> HasTablesAsync(BackupTarget target, CancellationToken ct)
    {
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
            if (!File.Exists(path))
            {
                return false;
            }
            await using var sqlite = new SqliteConnection(target.ConnectionString);
            await sqlite.OpenAsync(ct);
            await using var command = sqlite.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
        }
        await using var postgres = new NpgsqlConnection(target.ConnectionString);
        await postgres.OpenAsync(ct);
        await using var query = postgres.CreateCommand();
        query.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()";
        return Convert.ToInt64(await query.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
    }

    private static void CopySqlite(string from, string to)
    {
        using var source = new SqliteConnection(from);
        source.Open();
        using var destination = new SqliteConnection(to);
        destination.Open();
        source.BackupDatabase(destination);
        destination.Close();
        SqliteConnection.ClearPool(destination);
        SqliteConnection.ClearPool(source);
    }

    private async Task RunPostgresToolAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindPostgresTool(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--host={builder.Host}");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--port={builder.Port}"));
        if (builder.Username is { Length: > 0 } user)
        {
            start.ArgumentList.Add($"--username={user}");
        }
        start.ArgumentList.Add($"--dbname={builder.Database}");
        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (builder.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        using var process = Process.Start(start) ?? throw new BackupException($"No se pudo ejecutar {tool}.");
        var error = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} terminó con código {process.ExitCode}: {(await error).Trim()}");
        }
    }

    private string FindPostgresTool(string tool)
    {
        if (PostgresBin is { Length: > 0 } configured)
        {
            return Path.Combine(configured, tool);
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }
        const string debian = "/usr/lib/postgresql";
        var newest = Directory.Exists(debian)
            ? Directory.GetDirectories(debian).Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", tool))).OrderByDescending(d => d.Version).Select(d => Path.Combine(d.Dir, "bin", tool))
                .FirstOrDefault()
            : null;
        return newest ?? throw new BackupException(
            $"No se encontró {tool}: instale el cliente de PostgreSQL (apt-get install postgresql-client) o indique su carpeta en {PostgresBinKey}.");
    }

    private static async Task<BackupFile> DescribeAsync(string folder, string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return new BackupFile(Path.GetRelativePath(folder, path).Replace('\\', '/'), stream.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>A manifest's path inside the backup folder; a path that leaves it (../) is refused.</summary>
    private static string Inside(string folder, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        return full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new BackupException($"{ManifestName} nombra un archivo fuera de la copia ({relative}).");
    }
}
