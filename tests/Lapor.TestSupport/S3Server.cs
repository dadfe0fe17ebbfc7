using System.Diagnostics;

namespace Lapor.TestSupport;

/// <summary>
/// A real S3-protocol server on loopback (s3rver from tests/tools, which scripts/test.sh installs)
/// with one bucket, for the S3 attachment store's tests (a class fixture). It speaks the REST
/// protocol the SDK uses (path-style PUT, GET, DELETE, error documents) but does not check
/// SigV4 signatures, so credentials are not tested here.
/// </summary>
public sealed class S3Server : IAsyncLifetime, IDisposable
{
    public const string Bucket = "lapor-uji";

    /// <summary>s3rver's documented credentials.</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    private readonly string _data = Directory.CreateTempSubdirectory("lapor-s3-").FullName;
    private Process? _server;

    public int Port { get; } = LocalProcesses.FreePort();

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The object names in the bucket (as s3rver keeps them on disk).</summary>
    public IReadOnlyList<string> ObjectKeys() =>
        [.. Directory.EnumerateFiles(Path.Combine(_data, Bucket), "*._S3rver_object", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(_data, Bucket), f)[..^"._S3rver_object".Length].Replace('\\', '/'))];

    public async Task InitializeAsync()
    {
        var s3rver = Path.Combine(LocalProcesses.RepositoryRoot, "tests", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        _server = await LocalProcesses.StartServerAsync(
            new ProcessStartInfo("node", [s3rver, "-d", _data, "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", Bucket]), Port);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        LocalProcesses.Stop(_server);
        _server = null;
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
