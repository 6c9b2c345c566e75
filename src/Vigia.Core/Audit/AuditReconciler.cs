using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Vigia.Core.Files;

namespace Vigia.Core.Audit;

public enum ReconciliationKind
{
    /// <summary>A field's present value is not the last value the trail recorded for it.</summary>
    ValueChanged = 1,
    /// <summary>The trail says the record exists; the database no longer has it.</summary>
    RecordMissing = 2,
    /// <summary>The database has a record whose creation the trail never recorded.</summary>
    RecordUnrecorded = 3,
    /// <summary>The trail recorded the record's deletion, and it is back.</summary>
    RecordReappeared = 4,
    /// <summary>A stored file's bytes no longer match the SHA-256 recorded when it was kept.</summary>
    FileAltered = 5,
    /// <summary>A row points to a file the store no longer has.</summary>
    FileMissing = 6,
}

/// <summary>One place where the present differs from what the trail (or a file's recorded hash) says it should be.</summary>
/// <param name="Subject">The record («Reporte de avance 40») or the file («Evidencia 12 del reporte de avance 40»).</param>
/// <param name="Field">The field that differs, for <see cref="ReconciliationKind.ValueChanged"/>.</param>
public sealed record ReconciliationFinding(ReconciliationKind Kind, string EntityType, string EntityId, string Subject, string? Field,
    string Message);

/// <summary>The outcome of comparing the database and the files with the trail. <see cref="Findings"/> holds at most
/// <see cref="AuditReconciler.MaxFindings"/>; <see cref="FindingCount"/> counts them all.</summary>
public sealed record AuditReconciliation(long RecordsChecked, long FilesChecked, int FindingCount, IReadOnlyList<ReconciliationFinding> Findings)
{
    public bool Ok => FindingCount == 0;

    public ReconciliationFinding? First => Findings.Count > 0 ? Findings[0] : null;
}

/// <summary>Replays the audit trail to the last values it recorded for every audited record and compares them with the
/// database as it is now, then checks every stored file against its recorded SHA-256. A chain that verifies proves the
/// trail was not rewritten; this proves the data was not changed behind the trail's back (an <c>UPDATE</c> in SQL, a
/// file replaced on disk), which the chain alone cannot see.</summary>
/// <remarks>Fields whose values the trail hides (<see cref="AuditOptions.RedactedProperties"/>) cannot be compared and are
/// skipped. Dates are compared to the microsecond and in UTC, and numbers by value, because that is what both databases
/// keep. A record the trail only knows from updates (created before auditing began) is compared on those fields.</remarks>
public static class AuditReconciler
{
    public const int MaxFindings = 100;
    private const int BatchSize = 2000;

    public static async Task<AuditReconciliation> ReconcileAsync(AppDbContext db, AuditOptions options, IFileStore? files = null,
        IEnumerable<IStoredFileCatalog>? catalogs = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var findings = new Findings();
        var recorded = await ReplayAsync(db, ct);
        var firstCreated = FirstCreatedKeys(recorded);
        long records = 0;
        var compared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in db.Model.GetEntityTypes().Where(t => IsComparable(t, options)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            compared.Add(AuditChangeSet.TypeName(type));
            records += await CompareAsync(db, type, options, recorded, firstCreated.GetValueOrDefault(AuditChangeSet.TypeName(type)), findings, ct);
        }
        foreach (var ((typeName, id), state) in recorded.OrderBy(r => r.Key.Type, StringComparer.Ordinal).ThenBy(r => r.Key.Id, StringComparer.Ordinal))
        {
            if (state is { Deleted: false, Seen: false } && compared.Contains(typeName))
            {
                findings.Add(new ReconciliationFinding(ReconciliationKind.RecordMissing, typeName, id, Subject(typeName, id), null,
                    $"{Subject(typeName, id)} ya no está en la base de datos y el registro de auditoría no tiene su eliminación: se borró por fuera de la aplicación."));
            }
        }
        long checkedFiles = 0;
        if (files is not null)
        {
            foreach (var catalog in StoredFiles.Catalogs(catalogs))
            {
                await foreach (var file in catalog.ListAsync(db, ct))
                {
                    checkedFiles++;
                    await CheckFileAsync(files, file, findings, ct);
                }
            }
        }
        return new AuditReconciliation(records, checkedFiles, findings.Count, findings.List);
    }

    private static bool IsComparable(IEntityType type, AuditOptions options) =>
        options.IsAudited(type) && !type.IsOwned() && type.FindPrimaryKey() is not null && !type.HasSharedClrType;

    private static async Task<Dictionary<(string Type, string Id), RecordState>> ReplayAsync(AppDbContext db, CancellationToken ct)
    {
        var states = new Dictionary<(string Type, string Id), RecordState>();
        long after = 0;
        while (true)
        {
            var last = after;
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > last).OrderBy(e => e.Sequence).Take(BatchSize)
                .Select(e => new { e.Sequence, e.EntityType, e.EntityId, e.Action, e.Changes }).ToListAsync(ct);
            foreach (var entry in batch)
            {
                var key = (entry.EntityType, entry.EntityId);
                if (entry.Action == AuditAction.Deleted)
                {
                    states[key] = new RecordState { Deleted = true };
                    continue;
                }
                if (entry.Action == AuditAction.Created || !states.TryGetValue(key, out var state) || state.Deleted)
                {
                    state = new RecordState { Created = entry.Action == AuditAction.Created };
                    states[key] = state;
                }
                using var changes = JsonDocument.Parse(entry.Changes);
                foreach (var field in changes.RootElement.EnumerateObject())
                {
                    if (field.Value.TryGetProperty("after", out var value))
                    {
                        state.Values[field.Name] = value.GetRawText();
                    }
                }
            }
            if (batch.Count < BatchSize)
            {
                return states;
            }
            after = batch[^1].Sequence;
        }
    }

    private static async Task<long> CompareAsync(AppDbContext db, IEntityType type, AuditOptions options,
        Dictionary<(string Type, string Id), RecordState> recorded, long? firstCreated, Findings findings, CancellationToken ct)
    {
        var typeName = AuditChangeSet.TypeName(type);
        var key = type.FindPrimaryKey()!;
        var properties = type.GetProperties().Where(p => !options.IsRedacted(p)).ToList();
        var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(type.ClrType).Invoke(db, null)!;
        long count = 0;
        try
        {
            // Tracked, so that shadow properties (foreign keys the class does not declare) can be read too.
            await foreach (var row in set.AsAsyncEnumerable().WithCancellation(ct))
            {
                count++;
                var entry = db.Entry(row);
                var id = AuditChangeSet.KeyText(key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
                if (!recorded.TryGetValue((typeName, id), out var state))
                {
                    if (!InsertedAfterTrailBegan(entry, key, firstCreated))
                    {
                        continue;
                    }
                    findings.Add(new ReconciliationFinding(ReconciliationKind.RecordUnrecorded, typeName, id, Subject(typeName, id), null,
                        $"{Subject(typeName, id)} está en la base de datos pero el registro de auditoría no tiene su creación: se insertó por fuera de la aplicación."));
                    continue;
                }
                state.Seen = true;
                if (state.Deleted)
                {
                    findings.Add(new ReconciliationFinding(ReconciliationKind.RecordReappeared, typeName, id, Subject(typeName, id), null,
                        $"{Subject(typeName, id)} fue eliminado según el registro de auditoría y vuelve a estar en la base de datos."));
                    continue;
                }
                foreach (var property in properties)
                {
                    if (!state.Values.TryGetValue(property.Name, out var last))
                    {
                        continue;
                    }
                    var present = entry.Property(property.Name).CurrentValue;
                    if (!Same(property, last, present))
                    {
                        findings.Add(new ReconciliationFinding(ReconciliationKind.ValueChanged, typeName, id, Subject(typeName, id), property.Name,
                            $"{Subject(typeName, id)}: el campo «{property.Name}» vale {Shorten(AuditChangeSet.ValueJson(present))} y el registro de auditoría dice {Shorten(last)}: se modificó por fuera de la aplicación."));
                    }
                }
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return count;
    }

    /// <summary>For each type, the smallest numeric key whose creation the trail recorded; rows with a larger key were
    /// written since the trail began, so one without its creation in the trail was inserted behind its back. Rows with a
    /// smaller key may predate the trail (an installation that began auditing later), and non-numeric keys carry no
    /// order, so neither is reported.</summary>
    private static Dictionary<string, long?> FirstCreatedKeys(Dictionary<(string Type, string Id), RecordState> recorded)
    {
        var first = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var ((type, id), state) in recorded)
        {
            if (state.Created && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                && (first.GetValueOrDefault(type) is not { } known || value < known))
            {
                first[type] = value;
            }
        }
        return first;
    }

    private static bool InsertedAfterTrailBegan(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, IKey key, long? firstCreated)
    {
        if (firstCreated is not { } first || key.Properties is not [var single])
        {
            return false;
        }
        var value = entry.Property(single.Name).CurrentValue;
        return value is int or long && Convert.ToInt64(value, CultureInfo.InvariantCulture) > first;
    }

    private static bool Same(IProperty property, string recordedJson, object? present)
    {
        var presentJson = AuditChangeSet.ValueJson(present);
        if (string.Equals(presentJson, recordedJson, StringComparison.Ordinal))
        {
            return true;
        }
        if (present is null || recordedJson == "null")
        {
            return false;
        }
        using var doc = JsonDocument.Parse(recordedJson);
        var value = doc.RootElement;
        var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        try
        {
            return present switch
            {
                DateTimeOffset d when value.ValueKind == JsonValueKind.String =>
                    Microseconds(d.UtcTicks) == Microseconds(value.GetDateTimeOffset().UtcTicks),
                DateTime d when value.ValueKind == JsonValueKind.String =>
                    Microseconds(d.Ticks) == Microseconds(value.GetDateTime().Ticks),
                TimeSpan t when value.ValueKind == JsonValueKind.String =>
                    Microseconds(t.Ticks) == Microseconds(TimeSpan.Parse(value.GetString()!, CultureInfo.InvariantCulture).Ticks),
                decimal m when value.ValueKind == JsonValueKind.Number => m == value.GetDecimal(),
                double x when value.ValueKind == JsonValueKind.Number => x.Equals(value.GetDouble()),
                float x when value.ValueKind == JsonValueKind.Number => x.Equals(value.GetSingle()),
                _ when clr.IsEnum && value.ValueKind == JsonValueKind.Number =>
                    Convert.ToInt64(present, CultureInfo.InvariantCulture) == value.GetInt64(),
                _ => false,
            };
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static long Microseconds(long ticks) => ticks / 10;

    private static async Task CheckFileAsync(IFileStore files, StoredFileReference file, Findings findings, CancellationToken ct)
    {
        if (file.Sha256 is not { Length: 64 } recorded)
        {
            return;
        }
        string actual;
        try
        {
            await using var content = await files.OpenReadAsync(file.StorageKey, ct);
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        }
        catch (FileNotFoundException)
        {
            findings.Add(new ReconciliationFinding(ReconciliationKind.FileMissing, "Archivo", file.StorageKey, file.Description, null,
                $"{file.Description}: el archivo {file.StorageKey} ya no está en el almacenamiento."));
            return;
        }
        if (!string.Equals(actual, recorded, StringComparison.Ordinal))
        {
            findings.Add(new ReconciliationFinding(ReconciliationKind.FileAltered, "Archivo", file.StorageKey, file.Description, null,
                $"{file.Description}: el archivo {file.StorageKey} ya no corresponde a su SHA-256 registrado ({recorded}); hoy da {actual}. No se entrega como original."));
        }
    }

    private static string Subject(string typeName, string id) => $"{AuditNames.Label(typeName)} {id}";

    private static string Shorten(string json) => json.Length <= 80 ? json : string.Concat(json.AsSpan(0, 77), "…");

    private sealed class RecordState
    {
        public bool Created { get; init; }
        public bool Deleted { get; init; }
        public bool Seen { get; set; }
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Findings
    {
        public List<ReconciliationFinding> List { get; } = [];
        public int Count { get; private set; }

        public void Add(ReconciliationFinding finding)
        {
            Count++;
            if (List.Count < MaxFindings)
            {
                List.Add(finding);
            }
        }
    }
}
