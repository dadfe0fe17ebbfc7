using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

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

    /// <summary>
    /// The native connections already set. Microsoft.Data.Sqlite pools them, and a pooled one keeps its settings, so
    /// each is set once, not on every open: EF opens the connection for each statement, four on an inbox page.
    /// </summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Set = [];

    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    /// <summary>
    /// Gives the connection .NET's <c>lower()</c> (every time: Microsoft.Data.Sqlite keeps a connection's functions with
    /// the connection object, not the native one it borrows) and tells whether its native connection still needs the pragmas.
    /// Queries only: no index may be built on lower(), since a tool opening the file without this function folds differently.
    /// </summary>
    private static bool NeedsPragmas(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        return sqlite.Handle is not { } handle || !Set.TryGetValue(handle, out _);
    }

    private static void Remember(DbConnection connection)
    {
        if (((SqliteConnection)connection).Handle is { } handle)
        {
            Set.AddOrUpdate(handle, Done);
        }
    }
}
