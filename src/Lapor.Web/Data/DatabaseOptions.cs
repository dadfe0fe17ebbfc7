namespace Lapor.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default, embedded), SqlServer or PostgreSql.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations when the app starts. Always on in Development; production applies the SQL script.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// How long one statement of a migration applied at start may run. A backfill touches every row: at five
    /// million reports one statement takes minutes, and the usual 30 seconds would fail the upgrade.
    /// </summary>
    public TimeSpan MigrationTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Seed the demo kabupaten, accounts and reports (Development only).</summary>
    public bool SeedDemoData { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
