using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Storage;

/// <summary>Attachments in a local folder; files are flushed to disk before the report that names them commits.</summary>
public sealed class LocalAttachmentStore : IAttachmentStore
{
    private readonly string _root;

    public LocalAttachmentStore(IOptions<AttachmentStorageOptions> options, IHostEnvironment environment)
    {
        _root = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.Path));
        Directory.CreateDirectory(_root);
    }

    public async Task SaveAsync(string storedName, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(storedName);
        var temp = path + ".part";
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await content.CopyToAsync(file, cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path);
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

    public async IAsyncEnumerable<string> ListOlderThanAsync(DateTimeOffset cutoff, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.LastWriteTimeUtc < cutoff.UtcDateTime)
            {
                yield return file.Name;
            }
        }

        await Task.CompletedTask;
    }

    private string PathOf(string storedName) => System.IO.Path.Combine(_root, AttachmentNames.Checked(storedName));
}
