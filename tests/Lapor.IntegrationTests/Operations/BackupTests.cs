using System.Collections.Concurrent;
using Lapor.TestSupport;
using Lapor.Web.Operations.Backup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Operations;

/// <summary>An online backup taken while citizens keep filing holds every report confirmed before it started, with its files.</summary>
public sealed class BackupTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [SqliteOnlyFact("the backup command copies the embedded database file; PostgreSQL is backed up with pg_dump")]
    public async Task Backup_UnderLoad_HoldsEveryReportConfirmedBeforeIt_WithItsAttachments()
    {
        await StaffWorld.CreateAsync(app);
        var confirmed = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var filing = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var browser = app.CreateBrowser();
            while (!stop.IsCancellationRequested)
            {
                var (number, _) = await Citizen.FileAndConfirmAsync(browser, extra: f => Citizen.AddFile(f, TestImages.Jpeg(), "foto.jpg", "image/jpeg"));
                confirmed.Enqueue(number);
            }
        })).ToList();

        while (confirmed.Count < 6)
        {
            await Task.Delay(50);
        }

        var before = confirmed.ToArray();
        var target = Path.Combine(app.Root, "backup-" + Guid.NewGuid().ToString("N"));
        SqliteBackup.Summary summary;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            summary = await scope.ServiceProvider.GetRequiredService<SqliteBackup>().RunAsync(target, CancellationToken.None);
        }

        await stop.CancelAsync();
        await Task.WhenAll(filing);

        // Restore: open the copy as the portal would, and look for every report confirmed before the backup began.
        await using var restored = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(target, SqliteBackup.DatabaseFileName), Pooling = false }.ToString());
        await restored.OpenAsync();
        var found = new List<(string Number, string StoredName)>();
        await using (var command = restored.CreateCommand())
        {
            command.CommandText = """SELECT r."TrackingNumber", a."StoredName" FROM "Reports" r JOIN "Attachments" a ON a."ReportId" = r."Id" """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.All(before, number => Assert.Contains(found, f => f.Number == number));
        Assert.All(found, f => Assert.True(File.Exists(Path.Combine(target, SqliteBackup.AttachmentsFolder, f.StoredName)), $"{f.Number}: {f.StoredName} missing"));
        Assert.True(summary.Reports >= before.Length);
        Assert.True(await app.WithDbAsync(db => db.Reports.CountAsync()) >= summary.Reports);
    }

    [SqliteOnlyFact("the backup command copies the embedded database file; PostgreSQL is backed up with pg_dump")]
    public async Task Backup_IntoAFolderThatIsNotEmpty_IsRefused()
    {
        var target = Directory.CreateTempSubdirectory("lapor-backup-").FullName;
        await File.WriteAllTextAsync(Path.Combine(target, "lama.txt"), "cadangan lama");
        await using var scope = app.Services.CreateAsyncScope();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<SqliteBackup>().RunAsync(target, CancellationToken.None));

        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Directory.Delete(target, recursive: true);
    }

    [PostgresOnlyFact]
    public async Task Backup_OnPostgres_IsRefused_NamingPgDumpAndTheGuide()
    {
        var target = Path.Combine(app.Root, "backup-" + Guid.NewGuid().ToString("N"));
        await using var scope = app.Services.CreateAsyncScope();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<SqliteBackup>().RunAsync(target, CancellationToken.None));

        Assert.Contains("pg_dump", error.Message, StringComparison.Ordinal);
        Assert.Contains("docs/operations.md", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }
}
