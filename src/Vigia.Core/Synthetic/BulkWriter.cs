using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Vigia.Core.Synthetic;

/// <summary>
/// Writes many rows of one entity type at once, bypassing the change tracker (and so the audit interceptor): on
/// PostgreSQL with binary COPY, on SQLite with one prepared INSERT re-used with new parameter values. Tables, columns
/// and value conversions come from the EF model, so the rows land exactly as <c>SaveChanges</c> would store them. The
/// caller assigns every key and holds the transaction.
/// </summary>
internal sealed class BulkWriter(AppDbContext db)
{
    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, string PgType);

    private readonly List<string> written = [];

    public async Task WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetComputedColumnSql() is null && p.ValueGenerated != ValueGenerated.OnAddOrUpdate)
            .Select(p => (Property: p, Name: p.GetColumnName(table)))
            .Where(p => p.Name is not null)
            .Select(p =>
            {
                var mapping = p.Property.GetRelationalTypeMapping();
                return new Column(p.Property, p.Name!, mapping, mapping.StoreType.Split('(')[0].Trim());
            })
            .ToList();
        var tableName = Quote(table.Name);
        if (!written.Contains(tableName))
        {
            written.Add(tableName);
        }
        var columnList = string.Join(", ", columns.Select(c => Quote(c.Name)));
        if (db.Database.IsNpgsql())
        {
            await CopyAsync(rows, tableName, columnList, columns, ct);
        }
        else
        {
            await InsertAsync(rows, tableName, columnList, columns, ct);
        }
    }

    /// <summary>Gathers the planner's statistics of the tables written, inside the caller's transaction: rows a
    /// transaction inserted are invisible to autovacuum until it commits, so without this every query that follows in the
    /// same transaction (the follow-ups' snapshots) is planned on empty tables, with sequential scans of hundreds of
    /// thousands of rows. PostgreSQL counts the transaction's own rows in <c>ANALYZE</c>; SQLite analyses the file.</summary>
    public async Task AnalyzeAsync(CancellationToken ct)
    {
        if (written.Count == 0)
        {
            return;
        }
        await using var command = Connection().CreateCommand();
        command.Transaction = Transaction();
        command.CommandText = db.Database.IsNpgsql() ? "ANALYZE " + string.Join(", ", written) : "ANALYZE";
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Moves a PostgreSQL identity sequence past the ids assigned by hand.</summary>
    public async Task ResetIdentityAsync<T>(CancellationToken ct) where T : class
    {
        if (!db.Database.IsNpgsql())
        {
            return; // SQLite's AUTOINCREMENT follows the largest id inserted by itself.
        }
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!;
        var quoted = Quote(table.Name);
        await using var command = Connection().CreateCommand();
        command.Transaction = Transaction();
        command.CommandText = $"SELECT setval(pg_get_serial_sequence('{quoted.Replace("'", "''", StringComparison.Ordinal)}', '{key}'), "
            + $"GREATEST((SELECT MAX({Quote(key)}) FROM {quoted}), 1))";
        await command.ExecuteScalarAsync(ct);
    }

    private async Task CopyAsync<T>(IReadOnlyList<T> rows, string table, string columnList, List<Column> columns, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)Connection();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = ProviderValue(column, row!);
                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(value, column.PgType, ct);
                }
            }
        }
        await importer.CompleteAsync(ct);
    }

    private async Task InsertAsync<T>(IReadOnlyList<T> rows, string table, string columnList, List<Column> columns, CancellationToken ct)
    {
        await using var command = Connection().CreateCommand();
        command.Transaction = Transaction();
        command.CommandText = $"INSERT INTO {table} ({columnList}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "$p" + i.ToString(CultureInfo.InvariantCulture), null, c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = ProviderValue(columns[i], row!) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static object? ProviderValue(Column column, object row)
    {
        var value = column.Property.PropertyInfo is { } property ? property.GetValue(row) : column.Property.FieldInfo!.GetValue(row);
        var converter = column.Property.GetValueConverter() ?? column.Mapping.Converter;
        return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
    }

    private DbConnection Connection() => db.Database.GetDbConnection();

    private DbTransaction? Transaction() => db.Database.CurrentTransaction?.GetDbTransaction();

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
