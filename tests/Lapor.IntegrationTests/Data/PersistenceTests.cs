using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Data;

public sealed class PersistenceTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [SqliteOnlyFact("WAL and synchronous=FULL are settings of the SQLite file")]
    public async Task Sqlite_RunsInWalModeWithFullSync()
    {
        var (journal, synchronous, foreignKeys) = await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            return (await Scalar(connection, "PRAGMA journal_mode"), await Scalar(connection, "PRAGMA synchronous"), await Scalar(connection, "PRAGMA foreign_keys"));
        });

        Assert.Equal("wal", journal);
        Assert.Equal("2", synchronous); // 2 = FULL
        Assert.Equal("1", foreignKeys);
    }

    /// <summary>
    /// The settings are given once per native connection (<see cref="SqlitePragmaInterceptor"/>), and Microsoft.Data.Sqlite
    /// lends a closed one out again: every later open, by this context or another, must still have them all.
    /// </summary>
    [SqliteOnlyFact("the pragmas and lower() are SQLite's")]
    public async Task Sqlite_EveryOpenHasTheSettings_ThoughAPooledConnectionGetsThemOnce()
    {
        var handles = new List<object>();
        for (var i = 0; i < 3; i++)
        {
            var settings = await app.WithDbAsync(async db =>
            {
                var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
                var seen = new List<string>();
                for (var open = 0; open < 2; open++)
                {
                    await db.Database.OpenConnectionAsync();
                    handles.Add(connection.Handle!);
                    seen.Add(string.Join(" ", await Scalar(connection, "PRAGMA synchronous"), await Scalar(connection, "PRAGMA busy_timeout"),
                        await Scalar(connection, "PRAGMA foreign_keys"), await Scalar(connection, "SELECT lower('JOSÉ')")));
                    await db.Database.CloseConnectionAsync();
                }

                return seen;
            });

            Assert.All(settings, s => Assert.Equal("2 10000 1 josé", s));
        }

        Assert.True(handles.Distinct().Count() < handles.Count, "a native connection was lent out again");
    }

    [Fact]
    public async Task RoutingEntry_Update_IsRefused()
    {
        var number = await FileAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var entry = await db.RoutingEntries.FirstAsync(e => db.Reports.Any(r => r.Id == e.ReportId && r.TrackingNumber == number));
            db.Entry(entry).Property(e => e.Reason).CurrentValue = "ditulis ulang";
            await db.SaveChangesAsync();
        }));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutingEntry_Delete_IsRefused()
    {
        var number = await FileAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.RoutingEntries.Remove(await db.RoutingEntries.FirstAsync(e => db.Reports.Any(r => r.Id == e.ReportId && r.TrackingNumber == number)));
            await db.SaveChangesAsync();
        }));

        Assert.Equal(1, await app.WithDbAsync(db => db.RoutingEntries.CountAsync(e => db.Reports.Any(r => r.Id == e.ReportId && r.TrackingNumber == number))));
    }

    [Fact]
    public async Task Report_TwoEditorsAtOnce_SecondGetsConcurrencyConflict()
    {
        var number = await FileAsync();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<LaporDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<LaporDbContext>();
        var copy1 = await db1.Reports.SingleAsync(r => r.TrackingNumber == number);
        var copy2 = await db2.Reports.SingleAsync(r => r.TrackingNumber == number);

        copy1.Hold(StoredReports.Coordinator, "Mohon lengkapi alamat", DateTimeOffset.UtcNow);
        await db1.SaveChangesAsync();
        copy2.Archive(StoredReports.Coordinator, ArchiveReason.Spam, "Spam", null, DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        Assert.Equal(ReportStatus.OnHold, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync()));
    }

    private async Task<string> FileAsync() => (await Citizen.FileAndConfirmAsync(app.CreateBrowser())).Number;

    private static async Task<string?> Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
