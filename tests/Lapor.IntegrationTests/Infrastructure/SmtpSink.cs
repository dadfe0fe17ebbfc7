using System.Diagnostics;

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
        Port = LocalProcesses.FreePort();

        // A Maildir: aiosmtpd's Mailbox handler writes into tmp/ then moves to new/.
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(_maildir, folder));
        }
    }

    public int Port { get; }

    public async Task StartAsync() =>
        _server = await LocalProcesses.StartServerAsync(
            new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir]), Port);

    /// <summary>The raw messages received so far.</summary>
    public IReadOnlyList<string> Messages()
    {
        var inbox = Path.Combine(_maildir, "new");
        return Directory.Exists(inbox) ? [.. Directory.GetFiles(inbox).Select(File.ReadAllText)] : [];
    }

    public ValueTask DisposeAsync()
    {
        LocalProcesses.Stop(_server);
        Directory.Delete(_maildir, recursive: true);
        return ValueTask.CompletedTask;
    }
}
