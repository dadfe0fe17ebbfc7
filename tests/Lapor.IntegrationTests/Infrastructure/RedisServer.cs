using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lapor.IntegrationTests.Infrastructure;

/// <summary>A real Redis server on loopback (Debian's redis-server), in memory only, for tests of instances that share a cache (a class fixture).</summary>
public sealed class RedisServer : IAsyncLifetime, IDisposable
{
    private Process? _server;

    public int Port { get; } = FreePort();

    /// <summary>The value for Cache:Redis.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        _server = Process.Start(new ProcessStartInfo("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");

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

        throw new InvalidOperationException($"redis-server is not listening on {Port}: {await _server.StandardOutput.ReadToEndAsync()}");
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
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
