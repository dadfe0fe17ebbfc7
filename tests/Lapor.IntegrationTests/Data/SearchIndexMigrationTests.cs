using System.Globalization;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Data.Migrations.Sqlite;
using Lapor.Web.Data.Search;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.IntegrationTests.Data;

/// <summary>The PublicSearch migration: its triggers survive later migrations, its backfill indexes existing reports, and SQL Server gets its full-text index.</summary>
public sealed class SearchIndexMigrationTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    /// <summary>A later migration that rebuilds Reports or Messages (SQLite's way to drop a column) drops their triggers with them.</summary>
    [SqliteOnlyFact("SQLite's FTS5 tables are kept by triggers; PostgreSQL's search columns are generated")]
    public async Task SqliteMigration_LeavesEverySearchTriggerInPlace()
    {
        var triggers = await app.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE type = 'trigger'").ToListAsync());

        Assert.All(PublicSearch.Triggers, t => Assert.Contains(t, triggers));
        Assert.All(SimilarReports.Triggers, t => Assert.Contains(t, triggers));
    }

    [SqliteOnlyFact("a SQLite migration's own backfill; PostgreSQL's search columns are generated")]
    public async Task SqliteMigration_DownAndUp_IndexesExistingPublicReportsOnly()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (shown, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Lampu lalu lintas RIWAYATKANARI padam");
        var (hidden, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Lampu lalu lintas RIWAYATKANARI belum diperiksa");
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(shown, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));

        await app.WithDbAsync(db => MigrationReplay.ReplayAsync(db, "PublicSearch",
            async () => Assert.DoesNotContain("ReportSearch", await db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master").ToListAsync())));

        var found = await app.WithDbAsync(db => db.Reports.Join(db.SearchPublicText(SearchTerms.Parse("riwayatkanari")), r => r.Id, h => h.ReportId, (r, h) => r.TrackingNumber).ToListAsync());
        Assert.Equal([shown], found);
        Assert.DoesNotContain(hidden, found);
    }

    [Fact]
    public void SqlServerMigration_CreatesTheFullTextIndexOutsideTransactions()
    {
        using var db = new SqlServerLaporDbContextFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE FULLTEXT CATALOG [LaporSearch] WITH ACCENT_SENSITIVITY = OFF", script, StringComparison.Ordinal);
        Assert.Contains("CREATE FULLTEXT INDEX ON [Reports]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE FULLTEXT INDEX ON [Messages]", script, StringComparison.Ordinal);
    }

    /// <summary>SQL Server cannot run here: the statement is at least translated, ranked by CONTAINSTABLE, with the words as parameters only.</summary>
    [Fact]
    public void SqlServerSearch_TranslatesWithTheWordsAsParameters()
    {
        using var db = new SqlServerLaporDbContextFactory().CreateDbContext([]);
        var terms = SearchTerms.Parse("Lampu \"jalan\" NEAR( KANARIKATA");

        var sql = db.Reports.Where(PublicReport.IsVisible).Join(db.SearchPublicText(terms), r => r.Id, h => h.ReportId, (r, h) => new { r.TrackingNumber, h.Score })
            .OrderByDescending(x => x.Score).Skip(20).Take(20).ToQueryString();

        Assert.Contains("CONTAINSTABLE([Reports], [PublicTitle], @", sql, StringComparison.Ordinal);
        Assert.Contains("CONTAINSTABLE([Messages], [Body], @", sql, StringComparison.Ordinal);
        Assert.Contains("HAVING COUNT(DISTINCT h.[Term]) = 4", sql, StringComparison.Ordinal);
        var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        Assert.DoesNotContain("kanarikata", statement, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"kanarikata*\"", sql, StringComparison.Ordinal);
    }

    /// <summary>On PostgreSQL the statement runs (the whole suite runs there too); here: the words go in as parameters only, quoted as prefixes.</summary>
    [Fact]
    public void PostgresSearch_TranslatesWithTheWordsAsParameters()
    {
        using var db = new PostgresLaporDbContextFactory().CreateDbContext([]);
        var terms = SearchTerms.Parse("Lampu \"jalan\" NEAR( KANARIKATA o'ne");

        var sql = db.Reports.Where(PublicReport.IsVisible).Join(db.SearchPublicText(terms), r => r.Id, h => h.ReportId, (r, h) => new { r.TrackingNumber, h.Score })
            .OrderByDescending(x => x.Score).Skip(20).Take(20).ToQueryString();

        Assert.Contains("to_tsquery('lapor_simple', @", sql, StringComparison.Ordinal);
        // Every term in one GIN lookup of the report's own text (six terms, five &&), the answers one prefix at a time.
        var every = sql[sql.IndexOf("WHERE r.\"PublicText\" @@ (", StringComparison.Ordinal)..];
        Assert.Equal(5, every[..every.IndexOf("UNION ALL", StringComparison.Ordinal)].Split(" && ").Length - 1);
        Assert.Contains("FROM \"Messages\" WHERE \"PublicText\" @@ to_tsquery('lapor_simple', @", sql, StringComparison.Ordinal);
        var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        Assert.DoesNotContain("kanarikata", statement, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'kanarikata':*", sql, StringComparison.Ordinal);
    }

    /// <summary>
    /// The support offer's search (every guest filing) can read the offerable reports' partial index: the planner proves the
    /// query's predicate implies the index's only when the text matches, so a changed condition would silently lose it.
    /// </summary>
    [PostgresOnlyFact]
    public async Task PostgresOfferSearch_ReadsTheOfferableReportsIndex()
    {
        var plan = await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            // The test database is small enough for a sequential scan to win: forbid it, so the plan shows which index fits.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off");
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = $"""EXPLAIN SELECT "Id" FROM "Reports" WHERE {PostgresReportSearch.Offerable} AND "SubmittedAt" >= now() - interval '90 days'""";
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        });

        Assert.Contains("IX_Reports_Offerable", plan, StringComparison.Ordinal);
    }
}
