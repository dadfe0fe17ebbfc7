using System.Diagnostics;

namespace Lapor.TestSupport;

/// <summary>A real Redis server on loopback (Debian's redis-server), in memory only, for tests of instances that share a cache (a class fixture).</summary>
public sealed class RedisServer : IAsyncLifetime, IDisposable
{
    private Process? _server;

    public int Port { get; } = LocalProcesses.FreePort();

    /// <summary>The value for Cache:Redis.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public async Task InitializeAsync() =>
        _server = await LocalProcesses.StartServerAsync(
            new ProcessStartInfo("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]), Port);

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        LocalProcesses.Stop(_server);
        _server = null;
    }
}
