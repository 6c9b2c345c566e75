using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Vigia.Core.Audit;

/// <summary>What one <c>SaveChanges</c> is about to change, read from the change tracker before the save
/// (when original values are still known) and completed after it (when generated keys are known).</summary>
internal sealed class AuditChangeSet
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Accents stay readable in the database and the CSV; the stored text is what is hashed, so the
        // encoder's choices never affect verification.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly List<Pending> pending = [];
    private readonly AuditOptions options;

    private AuditChangeSet(AuditOptions options) => this.options = options;

    public bool IsEmpty => pending.Count == 0;

    /// <summary>The audited entries that are Added, Modified or Deleted, in the change tracker's order.</summary>
    public static List<EntityEntry> FindChanges(DbContext context, AuditOptions options)
    {
        // With automatic detection off the caller decides what is saved, and so what is audited.
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }
        return context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && options.IsAudited(e.Metadata))
            .ToList();
    }

    /// <summary>Snapshots before values now; for a modified entity attached without its original values
    /// (<c>db.Update(entity)</c>) the before values are read from the database.</summary>
    public static async Task<AuditChangeSet> CaptureAsync(IEnumerable<EntityEntry> entries, AuditOptions options, CancellationToken ct)
    {
        var set = new AuditChangeSet(options);
        foreach (var entry in entries)
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    set.pending.Add(new Pending(entry, AuditAction.Created, null, null));
                    break;
                case EntityState.Deleted:
                    set.pending.Add(new Pending(entry, AuditAction.Deleted, KeyOf(entry, original: true), set.DeletedChanges(entry)));
                    break;
                case EntityState.Modified:
                    var changes = await set.ModifiedChangesAsync(entry, ct).ConfigureAwait(false);
                    if (changes is not null)
                    {
                        set.pending.Add(new Pending(entry, AuditAction.Updated, KeyOf(entry, original: true), changes));
                    }
                    break;
            }
        }
        return set;
    }

    /// <summary>The entries' content, once the save has given new rows their keys; the chain fields
    /// (sequence, hashes) are the caller's.</summary>
    public IEnumerable<(string EntityType, string EntityId, AuditAction Action, string Changes)> Complete() =>
        pending.Select(p => (TypeName(p.Entry.Metadata), p.EntityId ?? KeyOf(p.Entry, original: false), p.Action, p.Changes ?? AddedChanges(p.Entry)));

    public static string TypeName(IEntityType type) =>
        type.HasSharedClrType ? type.Name : AuditNames.TypeName(type.ClrType);

    private static string KeyOf(EntityEntry entry, bool original)
    {
        var key = entry.Metadata.FindPrimaryKey() ?? throw new InvalidOperationException($"{entry.Metadata.DisplayName()} has no key to audit.");
        return KeyText(key.Properties.Select(p => original ? entry.OriginalValues[p] : entry.CurrentValues[p]));
    }

    /// <summary>How an entry names its record: the key's values, invariant, joined by '/'.</summary>
    public static string KeyText(IEnumerable<object?> keyValues) =>
        string.Join('/', keyValues.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    /// <summary>A value as the trail writes it (JSON), so the present can be compared with what was recorded.</summary>
    public static string ValueJson(object? value) =>
        value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), JsonOptions);

    private string AddedChanges(EntityEntry entry) =>
        Write(entry.Properties.Select(p => (p.Metadata, (object?)null, p.CurrentValue)));

    private string DeletedChanges(EntityEntry entry) =>
        Write(entry.Properties.Select(p => (p.Metadata, p.OriginalValue, (object?)null)));

    private async Task<string?> ModifiedChangesAsync(EntityEntry entry, CancellationToken ct)
    {
        var modified = entry.Properties.Where(p => p.IsModified).ToList();
        PropertyValues? stored = null;
        if (modified.Any(p => Same(p.Metadata, p.OriginalValue, p.CurrentValue)))
        {
            // Marked modified but equal to its original: the entity was attached without its original
            // values, so the database says what they were.
            stored = await entry.GetDatabaseValuesAsync(ct).ConfigureAwait(false);
        }
        var changed = modified
            .Select(p => (p.Metadata, Before: stored is null ? p.OriginalValue : stored[p.Metadata], After: p.CurrentValue))
            .Where(c => !Same(c.Metadata, c.Before, c.After))
            .ToList();
        return changed.Count == 0 ? null : Write(changed);
    }

    private static bool Same(IProperty property, object? a, object? b) =>
        property.GetValueComparer().Equals(a, b);

    private string Write(IEnumerable<(IProperty Property, object? Before, object? After)> changes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOptions.Encoder }))
        {
            json.WriteStartObject();
            foreach (var (property, before, after) in changes)
            {
                json.WriteStartObject(property.Name);
                json.WritePropertyName("before");
                WriteValue(json, property, before);
                json.WritePropertyName("after");
                WriteValue(json, property, after);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void WriteValue(Utf8JsonWriter json, IProperty property, object? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else if (options.IsRedacted(property))
        {
            json.WriteStringValue(AuditOptions.RedactedValue);
        }
        else
        {
            JsonSerializer.Serialize(json, value, value.GetType(), JsonOptions);
        }
    }

    private sealed record Pending(EntityEntry Entry, AuditAction Action, string? EntityId, string? Changes);
}
