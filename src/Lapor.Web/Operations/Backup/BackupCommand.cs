
namespace Lapor.Web.Operations.Backup;

/// <summary>
/// <c>dotnet Lapor.Web.dll backup /var/backups/lapor/2026-12-01</c>: an online backup of the configured
/// SQLite database and attachments into a new folder, instead of starting the portal.
/// </summary>
public static class BackupCommand
{
    public static bool IsRequested(string[] args) => args is ["backup", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args is not [_, var target])
        {
            await Console.Error.WriteLineAsync("Usage: backup <new folder>");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var summary = await scope.ServiceProvider.GetRequiredService<SqliteBackup>().RunAsync(target, CancellationToken.None);
            Console.WriteLine(summary.Files is { } files
                ? $"Backed up {summary.Reports} reports and {files} attachment files to {summary.Directory}."
                : $"Backed up {summary.Reports} reports to {summary.Directory}. Attachments are in the S3 bucket: back it up with the object store's own tools (versioning or replication).");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
