using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Web.Data;

/// <summary>
/// Per-connection SQLite settings: a committed report must survive a power cut (synchronous=FULL),
/// writers wait for each other instead of failing with "database is locked" (busy_timeout).
/// WAL itself is a property of the file, set once after migrating.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
