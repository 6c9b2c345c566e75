using Vigia.Core.OpenData;

namespace Vigia.Core.Audit;

/// <summary>The trail as RFC 4180 CSV, oldest first, streamed from the database.</summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> Header = ["fecha_utc", "persona", "registro", "id", "accion", "cambios", "motivo", "hash"];

    public static Task WriteAsync(TextWriter writer, IQueryable<AuditEntry> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = entries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().Select(Row);
        return CsvFormat.WriteAsync(writer, Header, rows, ct);
    }

    public static IReadOnlyList<string> Row(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return
        [
            AuditHasher.FormatTimestamp(entry.OccurredAt),
            entry.ActorName,
            AuditNames.Label(entry.EntityType),
            entry.EntityId,
            AuditNames.Label(entry.Action),
            entry.Changes,
            entry.Reason ?? "",
            entry.Hash,
        ];
    }
}
