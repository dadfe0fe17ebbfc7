using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.IntegrationTests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void SqliteContext_HasNoPendingModelChanges()
    {
        using var db = new SqliteLaporDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add <Name> --context SqliteLaporDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void SqlServerContext_HasNoPendingModelChanges()
    {
        using var db = new SqlServerLaporDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: dotnet ef migrations add <Name> --context SqlServerLaporDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void PostgresContext_HasNoPendingModelChanges()
    {
        using var db = new PostgresLaporDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a PostgreSQL migration: dotnet ef migrations add <Name> --context PostgresLaporDbContext --output-dir Data/Migrations/Postgres");
    }

    /// <summary>
    /// PostgreSQL started from one Initial migration of the whole model (there was no installation to upgrade); its later
    /// migrations follow the others', and OfferableReports is its own (a partial index). SQLite's OfferableText (an FTS5
    /// table of the reports the support offer may offer) is its own too: SQL Server's search path is compiled only.
    /// </summary>
    [Fact]
    public void SqliteAndSqlServer_HaveTheSameMigrationNames_ButSqlitesOwnSearchTable()
    {
        using var sqlite = new SqliteLaporDbContextFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerLaporDbContextFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite).Where(n => n != "OfferableText"), Names(sqlServer));
    }

    [Fact]
    public void SqlServer_IdempotentScript_Generates()
    {
        using var db = new SqlServerLaporDbContextFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Reports]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [RoutingEntries]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Reports_TrackingNumber]", script, StringComparison.Ordinal);
    }

    /// <summary>
    /// The idempotent script compiles each migration as one batch, so a statement of ours naming a column the
    /// same migration adds must be deferred with EXEC (<see cref="Lapor.Web.Data.Migrations.SqlServerDeferred"/>).
    /// </summary>
    [Fact]
    public void SqlServer_IdempotentScript_DefersEveryStatementNamingAColumnItsMigrationAdds()
    {
        using var db = new SqlServerLaporDbContextFactory().CreateDbContext([]);
        var migrations = db.GetService<IMigrationsAssembly>();

        var checkedStatements = 0;
        foreach (var type in migrations.Migrations.Values)
        {
            var migration = migrations.CreateMigration(type, db.GetService<IDatabaseProvider>().Name);
            var added = migration.UpOperations.OfType<AddColumnOperation>().Select(c => $"[{c.Name}]").ToList();
            foreach (var statement in migration.UpOperations.OfType<SqlOperation>().Where(s => added.Any(c => s.Sql.Contains(c, StringComparison.Ordinal))))
            {
                Assert.StartsWith("EXEC(N'", statement.Sql, StringComparison.Ordinal);
                checkedStatements++;
            }
        }

        Assert.True(checkedStatements >= 3, "PublicFlag, VerdictCounts and AssignmentFilingDay backfill columns they add");
    }

    [Fact]
    public void Postgres_IdempotentScript_Generates_WithTheSearchColumns()
    {
        using var db = new PostgresLaporDbContextFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\"", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE \"Reports\"", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX \"IX_Reports_TrackingNumber\"", script, StringComparison.Ordinal);
        Assert.Contains("\"PublicText\" tsvector GENERATED ALWAYS", script, StringComparison.Ordinal);
        Assert.Contains("USING GIN (\"SimilarText\")", script, StringComparison.Ordinal);
    }
}
