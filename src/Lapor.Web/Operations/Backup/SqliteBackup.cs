using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Operations.Backup;

/// <summary>
/// An online backup of the embedded database and the attachments, safe while the portal runs:
/// <c>VACUUM INTO</c> writes a consistent snapshot (a plain copy of a WAL database may not be), then
/// the attachment files are copied. Files are stored before their report's row commits, so every
/// attachment the snapshot mentions is already on disk when the copy starts.
/// </summary>
public sealed class SqliteBackup(LaporDbContext db, IOptions<AttachmentStorageOptions> attachments, IWebHostEnvironment environment)
{
    public const string DatabaseFileName = "lapor.db";
    public const string AttachmentsFolder = "attachments";

    /// <summary>What the backup holds; <paramref name="Files"/> is null when attachments live in an S3 bucket, which is backed up on its own.</summary>
    public sealed record Summary(string Directory, int Reports, int? Files);

    public async Task<Summary> RunAsync(string targetDirectory, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            throw new InvalidOperationException("This backup is for the embedded SQLite database; back up PostgreSQL with pg_dump -Fc (and the attachments folder) as docs/operations.md describes.");
        }

        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("This backup is for the embedded SQLite database; for SQL Server use BACKUP DATABASE (docs/operations.md).");
        }

        var target = Path.GetFullPath(targetDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new InvalidOperationException($"{target} is not empty: choose a new folder for each backup.");
        }

        Directory.CreateDirectory(target);
        var databaseCopy = Path.Combine(target, DatabaseFileName);
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [databaseCopy], cancellationToken);

        if (attachments.Value.Store == AttachmentStoreKind.S3)
        {
            return new Summary(target, await CountReportsAsync(databaseCopy, cancellationToken), null);
        }

        var source = attachments.Value.FolderUnder(environment.ContentRootPath);
        var files = 0;
        if (Directory.Exists(source))
        {
            // Files still being written (".part") belong to reports not yet stored; a file removed meanwhile
            // belonged to a filing that was rolled back. Neither is in the snapshot.
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".part", StringComparison.Ordinal)).ToList())
            {
                var copy = Path.Combine(target, AttachmentsFolder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                try
                {
                    File.Copy(file, copy);
                    files++;
                }
                catch (FileNotFoundException)
                {
                }
            }
        }

        return new Summary(target, await CountReportsAsync(databaseCopy, cancellationToken), files);
    }

    private static async Task<int> CountReportsAsync(string databaseFile, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Reports\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
