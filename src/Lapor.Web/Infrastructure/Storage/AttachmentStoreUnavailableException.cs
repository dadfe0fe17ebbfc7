namespace Lapor.Web.Infrastructure.Storage;

/// <summary>
/// The store could not take a file: a full disk, a folder or bucket out of reach. Nothing of the file was kept,
/// and the same file may well be stored a little later, so a form says so and keeps what was typed.
/// </summary>
public sealed class AttachmentStoreUnavailableException(string message, Exception inner) : IOException(message, inner)
{
    /// <summary>When to try again (HTTP Retry-After): long enough to free space or mount a share, short enough for a retrying app.</summary>
    public const int RetryAfterSeconds = 120;
}
