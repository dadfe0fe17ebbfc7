using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Web.Data;

/// <summary>
/// Per-connection SQLite settings: a committed report must survive a power cut (synchronous=FULL),
/// writers wait for each other instead of failing with "database is locked" (busy_timeout).
/// WAL itself is a property of the file, set once after migrating.
/// SQLite's own <c>lower()</c> folds only A–Z, so "JOSÉ" stayed "JOSÉ" while PostgreSQL and SQL Server give "josé":
/// each connection gets .NET's invariant lower case under that name, which EF's <c>ToLower()</c> calls, so a
/// case-insensitive search matches the same rows on every provider (docs/architecture.md, "Text comparison").
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        FoldCaseAsDotNetDoes(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        FoldCaseAsDotNetDoes(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    /// <summary>Queries only: no index may be built on lower(), since a tool opening the file without this function folds differently.</summary>
    private static void FoldCaseAsDotNetDoes(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
}
