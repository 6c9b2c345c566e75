using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vigia.Core.Data;

internal static class DatabaseErrors
{
    /// <summary>A save lost a race: another request changed the row first (concurrency token), or took the unique
    /// slot the save wanted (one live report per action and month, one monitoring record per component and month).</summary>
    public static bool IsLostRace(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
