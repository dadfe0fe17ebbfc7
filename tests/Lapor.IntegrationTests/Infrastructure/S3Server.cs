using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lapor.IntegrationTests.Infrastructure;

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

    public int Port { get; } = FreePort();

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The object names in the bucket (as s3rver keeps them on disk).</summary>
    public IReadOnlyList<string> ObjectKeys() =>
        [.. Directory.EnumerateFiles(Path.Combine(_data, Bucket), "*._S3rver_object", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(_data, Bucket), f)[..^"._S3rver_object".Length].Replace('\\', '/'))];

    public async Task InitializeAsync()
    {
        var tools = Path.Combine(Operations.PortalProcess.ContentRoot, "..", "..", "tests", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        _server = Process.Start(new ProcessStartInfo("node", [tools, "-d", _data, "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", Bucket])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("s3rver did not start.");

        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"s3rver is not listening on {Port}: {await _server.StandardError.ReadToEndAsync()}");
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }

        _server?.Dispose();
        _server = null;
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
