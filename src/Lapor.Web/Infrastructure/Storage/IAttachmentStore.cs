namespace Lapor.Web.Infrastructure.Storage;

/// <summary>Where attachment bytes live. Names are chosen by the server, never by the uploader.</summary>
public interface IAttachmentStore
{
    Task SaveAsync(string storedName, Stream content, CancellationToken cancellationToken);

    Task<Stream?> OpenReadAsync(string storedName, CancellationToken cancellationToken);

    Task DeleteAsync(string storedName, CancellationToken cancellationToken);

    /// <summary>Stored names (unfinished uploads too) last written before <paramref name="cutoff"/>, for the sweep of files no report names.</summary>
    IAsyncEnumerable<string> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
