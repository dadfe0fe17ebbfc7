using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lapor.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback (Debian's aiosmtpd) that stores what it receives in a Maildir,
/// so outbox tests speak the actual protocol instead of calling a mocked sender.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly string _maildir = Directory.CreateTempSubdirectory("lapor-smtp-").FullName;
    private Process? _server;

    public SmtpSink()
    {
        Port = FreePort();

        // A Maildir: aiosmtpd's Mailbox handler writes into tmp/ then moves to new/.
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(_maildir, folder));
        }
    }

    public int Port { get; }

    public async Task StartAsync()
    {
        _server = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("aiosmtpd did not start.");

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

        throw new InvalidOperationException($"aiosmtpd is not listening on {Port}: {await _server.StandardError.ReadToEndAsync()}");
    }

    /// <summary>The raw messages received so far.</summary>
    public IReadOnlyList<string> Messages()
    {
        var inbox = Path.Combine(_maildir, "new");
        return Directory.Exists(inbox) ? [.. Directory.GetFiles(inbox).Select(File.ReadAllText)] : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        Directory.Delete(_maildir, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
