using System.Globalization;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Data.Migrations.Sqlite;
using Lapor.Web.Data.Search;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Query;
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
        Assert.All(OfferableText.Triggers, t => Assert.Contains(t, triggers));
    }

    /// <summary>
    /// The support offer's own index holds a report exactly while it may be offered (public, named, open), with its current
    /// title, text and place, whatever changes it (a staff step or a bulk update: the triggers see both); the migration indexes
    /// the existing ones.
    /// </summary>
    [SqliteOnlyFact("SQLite's FTS5 table of offerable reports; PostgreSQL has a partial index instead")]
    public async Task SqliteOfferableText_HoldsAReportExactlyWhileItMayBeOffered()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Trotoar TAWARKANARI ambles");
        var (other, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Trotoar TAWARKANARI retak");
        var id = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync());
        await UpdateAsync(other, s => s.SetProperty(r => r.IsPublic, false));

        Task<List<long>> OfferedAsync(string word) => app.WithDbAsync(db =>
            db.Database.SqlQuery<long>($"""SELECT "rowid" AS "Value" FROM "OfferableText" WHERE "OfferableText" MATCH {word}""").ToListAsync());
        Task UpdateAsync(string report, Action<UpdateSettersBuilder<Report>> set) =>
            app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == report).ExecuteUpdateAsync(set));

        await UpdateAsync(number, s => s.SetProperty(r => r.IsPublic, true).SetProperty(r => r.IsAnonymous, false));
        Assert.Equal([id], await OfferedAsync("tawarkanari"));

        await UpdateAsync(number, s => s.SetProperty(r => r.Status, ReportStatus.InProgress));
        Assert.Equal([id], await OfferedAsync("tawarkanari"));

        await UpdateAsync(number, s => s.SetProperty(r => r.Title, "Trotoar TAWARKANARU ambles"));
        Assert.Empty(await OfferedAsync("tawarkanari"));
        Assert.Equal([id], await OfferedAsync("tawarkanaru"));

        await UpdateAsync(number, s => s.SetProperty(r => r.Body, "Paving TAWARBADAN lepas").SetProperty(r => r.Location, "Jl. TAWARTEMPAT"));
        Assert.Equal([id], await OfferedAsync("tawarbadan"));
        Assert.Equal([id], await OfferedAsync("tawartempat"));
        await UpdateAsync(number, s => s.SetProperty(r => r.Location, (string?)null));
        Assert.Empty(await OfferedAsync("tawartempat"));

        await UpdateAsync(number, s => s.SetProperty(r => r.Status, ReportStatus.Completed));
        Assert.Empty(await OfferedAsync("tawarkanaru"));
        await UpdateAsync(number, s => s.SetProperty(r => r.Status, ReportStatus.InProgress));
        Assert.Equal([id], await OfferedAsync("tawarkanaru"));

        await UpdateAsync(number, s => s.SetProperty(r => r.IsAnonymous, true));
        Assert.Empty(await OfferedAsync("tawarkanaru"));
        await UpdateAsync(number, s => s.SetProperty(r => r.IsAnonymous, false).SetProperty(r => r.Status, ReportStatus.Archived));
        Assert.Empty(await OfferedAsync("tawarkanaru"));
        await UpdateAsync(number, s => s.SetProperty(r => r.Status, ReportStatus.Dispositioned).SetProperty(r => r.IsPublic, false));
        Assert.Empty(await OfferedAsync("tawarkanaru"));
        await UpdateAsync(number, s => s.SetProperty(r => r.IsPublic, true));

        await app.WithDbAsync(db => MigrationReplay.ReplayAsync(db, "OfferableText",
            async () => Assert.DoesNotContain("OfferableText", await db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master").ToListAsync())));

        Assert.Equal([id], await OfferedAsync("tawarkanaru"));
        Assert.Empty(await OfferedAsync("tawarkanari"));
        // The index holds exactly the offerable reports, and FTS5 finds its structure consistent.
        var indexed = await app.WithDbAsync(db => db.Database.SqlQuery<long>($"""SELECT "id" AS "Value" FROM "OfferableText_docsize" ORDER BY "id" """).ToListAsync());
        var offerable = await app.WithDbAsync(db => db.Reports
            .Where(r => r.IsPublic && !r.IsAnonymous && r.Status != ReportStatus.Archived && r.Status != ReportStatus.Completed)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        Assert.Equal(offerable, indexed);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""INSERT INTO "OfferableText" ("OfferableText") VALUES ('integrity-check')"""));
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

    /// <summary>
    /// The offer's place look-up can read the partial indexes of the offerable reports' location words and points:
    /// the query repeats the index's expression (<see cref="PostgresReportSearch.PlaceWords"/>), which the planner
    /// must recognise after parsing both, or it reads the table. Each arm alone, the table's other indexes dropped in a
    /// transaction that is rolled back (this class's own database): the test database is small enough for a scan of
    /// another index with a filter to win otherwise.
    /// </summary>
    [PostgresOnlyTheory]
    [InlineData("IX_Reports_OfferablePlace", "{0} @@ to_tsquery('lapor_simple', 'cemp:*')")]
    [InlineData("IX_Reports_OfferablePoint", "\"Latitude\" BETWEEN -6.92 AND -6.91 AND \"Longitude\" BETWEEN 107.60 AND 107.62")]
    public async Task PostgresOfferPlaceLookUp_ReadsItsIndexes(string index, string arm)
    {
        var plan = await app.WithDbAsync(async db =>
        {
            var others = await db.Database.SqlQuery<string>($"""
                SELECT i.indexname AS "Value" FROM pg_indexes AS i WHERE i.tablename = 'Reports' AND i.indexname <> {index}
                    AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = format('%I', i.indexname)::regclass)
                """).ToListAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            // Every other index of Reports but those behind constraints goes, and only bitmap scans are allowed: the
            // index must answer the arm's condition itself, as no other partial index is left to scan whole.
            foreach (var other in others)
            {
                var drop = $"""DROP INDEX "{other}";""";
                await db.Database.ExecuteSqlRawAsync(drop);
            }

            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off");
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = $"""EXPLAIN SELECT "Id" FROM "Reports" WHERE {PostgresReportSearch.Offerable} AND ({string.Format(CultureInfo.InvariantCulture, arm, PostgresReportSearch.PlaceWords)})""";
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        });

        Assert.True(plan.Contains($"Bitmap Index Scan on \"{index}\"", StringComparison.Ordinal), plan);
    }

    /// <summary>
    /// SearchWords rewrites Reports and Messages, and a rewritten table has no visibility map: every index-only read of it
    /// went to the table as well until a VACUUM (the coordinator's queue at a million reports, 820 ms instead of 255).
    /// An upgrade across it vacuums and analyzes both tables (SearchWordsVacuum). Asked of the statistics rather than of
    /// the visibility map itself, which a transaction still open elsewhere in the cluster can keep VACUUM from setting.
    /// </summary>
    [PostgresOnlyFact]
    public async Task PostgresUpgradeAcrossSearchWords_VacuumsTheRewrittenTables()
    {
        await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Lampu jalan mati di Jl.Melati");
        var tables = await app.WithDbAsync(async db =>
        {
            var before = await db.Database.SqlQuery<DateTimeOffset>($"""SELECT now() AS "Value" """).SingleAsync();
            await MigrationReplay.ReplayAsync(db, "SearchWords");
            return await db.Database.SqlQuery<TableUpkeep>($"""
                SELECT s.relname AS "Table", coalesce(s.last_vacuum >= {before}, false) AS "Vacuumed",
                    coalesce(s.last_analyze >= {before}, false) AS "Analyzed"
                FROM pg_stat_user_tables AS s WHERE s.relname IN ('Reports', 'Messages')
                """).ToListAsync();
        });

        Assert.Equal(
            [new TableUpkeep("Messages", true, true), new TableUpkeep("Reports", true, true)],
            tables.OrderBy(t => t.Table, StringComparer.Ordinal));
    }

    private sealed record TableUpkeep(string Table, bool Vacuumed, bool Analyzed);
}
