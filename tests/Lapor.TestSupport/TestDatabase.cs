using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lapor.TestSupport;

/// <summary>
/// The database the integration tests run on: a SQLite file under the test's folder (the default) or,
/// when <see cref="PostgresVariable"/> holds a PostgreSQL server's connection string (scripts/test.sh
/// starts a throw-away cluster and sets it), a database of the test's own on that server. The database
/// belongs to the test's folder: every instance sharing the folder shares it.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "LAPOR_TEST_POSTGRES";

    private static readonly string? PostgresServer = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>Database:Provider for the tests' apps.</summary>
    public static string Provider => IsPostgres ? "PostgreSql" : "Sqlite";

    /// <summary>ConnectionStrings:Default for an app on the folder <paramref name="root"/>.</summary>
    public static string ConnectionString(string root) => IsPostgres
        ? new NpgsqlConnectionStringBuilder(PostgresServer) { Database = DatabaseName(root) }.ToString()
        : $"Data Source={Path.Combine(root, "lapor.db")}";

    /// <summary>The settings (as environment variables) for a portal process on the folder <paramref name="root"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> EnvironmentFor(string root) =>
    [
        new("Database__Provider", Provider),
        new("ConnectionStrings__Default", ConnectionString(root)),
    ];

    /// <summary>An empty database for the folder (the app's migrations fill it); nothing to do for SQLite, whose file the app creates.</summary>
    public static void Create(string root)
    {
        if (IsPostgres)
        {
            Administer($"CREATE DATABASE \"{DatabaseName(root)}\"");
        }
    }

    /// <summary>Closes the pool and drops the folder's database even while connections remain; a SQLite file goes with the folder.</summary>
    public static void Drop(string root)
    {
        if (IsPostgres)
        {
            using (var connection = new NpgsqlConnection(ConnectionString(root)))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            Administer($"DROP DATABASE IF EXISTS \"{DatabaseName(root)}\" WITH (FORCE)");
        }
    }

    /// <summary>
    /// A connection to the folder's database, for a test that reads what a portal process (which it cannot
    /// reach into) wrote; the statements it runs are plain SQL that both databases understand.
    /// </summary>
    public static DbConnection OpenConnection(string root)
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString(root)) { Pooling = false }.ToString())
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(root, "lapor.db"), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>lapor_t_ and a hash of the folder: the same for every instance on the folder, unique between folders.</summary>
    public static string DatabaseName(string root) =>
        "lapor_t_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(root))))[..20];

    private static void Administer(string statement)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(statement, connection);
        command.ExecuteNonQuery();
    }
}
