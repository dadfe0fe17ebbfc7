using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Storage;

/// <summary>Attachments in a local folder; files are flushed to disk before the report that names them commits.</summary>
public sealed class LocalAttachmentStore : IAttachmentStore
{
    private readonly string _root;

    public LocalAttachmentStore(IOptions<AttachmentStorageOptions> options, IHostEnvironment environment)
    {
        _root = options.Value.FolderUnder(environment.ContentRootPath);
        Directory.CreateDirectory(_root);
    }

    public async Task SaveAsync(string storedName, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(storedName);
        var temp = path + ".part";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path);
        }
        catch (Exception error)
        {
            // A part written to a full disk would only fill it further.
            DeletePart(temp);
            if (error is IOException or UnauthorizedAccessException)
            {
                throw new AttachmentStoreUnavailableException($"The attachment folder could not store {storedName}: {error.Message}", error);
            }

            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string storedName, CancellationToken cancellationToken)
    {
        var path = PathOf(storedName);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(storedName));
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<string> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        new DirectoryInfo(_root).EnumerateFiles().Where(f => f.LastWriteTimeUtc < cutoff.UtcDateTime).Select(f => f.Name).ToAsyncEnumerable();

    private static void DeletePart(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The folder itself is out of reach; the sweep removes what is left once it is back.
        }
    }

    private string PathOf(string storedName) => System.IO.Path.Combine(_root, AttachmentNames.Checked(storedName));
}
