using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Storage;

/// <summary>
/// Attachments as objects in an S3-compatible bucket, shared by every instance. An object becomes
/// visible only once it is completely uploaded, and it is uploaded before the report that names it
/// commits, as with the local folder.
/// </summary>
public sealed class S3AttachmentStore : IAttachmentStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly AttachmentStorageOptions.S3Options _options;

    public S3AttachmentStore(IOptions<AttachmentStorageOptions> options)
    {
        _options = options.Value.S3;
        _client = new AmazonS3Client(new BasicAWSCredentials(_options.AccessKey, _options.SecretKey), new AmazonS3Config
        {
            ServiceURL = _options.ServiceUrl,
            AuthenticationRegion = _options.Region,
            ForcePathStyle = true, // self-hosted stores seldom have a DNS name per bucket

            // Checksums only where the protocol requires them: many S3-compatible stores do not
            // understand the trailing checksums newer SDKs send by default.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public async Task SaveAsync(string storedName, Stream content, CancellationToken cancellationToken)
    {
        try
        {
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _options.Bucket,
                Key = KeyOf(storedName),
                InputStream = content,
                AutoCloseStream = false,
                UseChunkEncoding = false,
            }, cancellationToken);
        }
        catch (Exception error) when (error is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            throw new AttachmentStoreUnavailableException($"The bucket could not store {storedName}: {error.Message}", error);
        }
    }

    public async Task<Stream?> OpenReadAsync(string storedName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectAsync(_options.Bucket, KeyOf(storedName), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception error) when (error.StatusCode == HttpStatusCode.NotFound && error.ErrorCode == "NoSuchKey")
        {
            // Only a missing object; a missing bucket is a configuration error and must be seen as one.
            return null;
        }
    }

    public async Task DeleteAsync(string storedName, CancellationToken cancellationToken) =>
        await _client.DeleteObjectAsync(_options.Bucket, KeyOf(storedName), cancellationToken);

    public async IAsyncEnumerable<string> ListOlderThanAsync(DateTimeOffset cutoff, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = _options.KeyPrefix };
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                if (item.LastModified is { } modified && modified.ToUniversalTime() < cutoff.UtcDateTime)
                {
                    yield return item.Key[_options.KeyPrefix.Length..];
                }
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
    }

    public void Dispose() => _client.Dispose();

    private string KeyOf(string storedName) => _options.KeyPrefix + AttachmentNames.Checked(storedName);
}
