using System.Diagnostics;
using System.Globalization;

namespace Lapor.TestSupport;

/// <summary>
/// A real SMTP server on loopback (Debian's aiosmtpd, see aiosmtpd-sink.py) that stores what it
/// receives in a Maildir, so outbox tests speak the actual protocol instead of calling a mocked
/// sender. It refuses <paramref name="refusedRecipients"/> as a mail server refuses an unknown
/// mailbox: "550 5.1.1 &lt;address&gt;: Recipient address rejected".
/// </summary>
public sealed class SmtpSink(params string[] refusedRecipients) : IDisposable
{
    private readonly string _maildir = CreateMaildir();
    private Process? _server;

    public int Port { get; } = LocalProcesses.FreePort();

    public async Task StartAsync()
    {
        var script = Path.Combine(LocalProcesses.RepositoryRoot, "tests", "Lapor.TestSupport", "aiosmtpd-sink.py");
        _server = await LocalProcesses.StartServerAsync(
            new ProcessStartInfo("/usr/bin/python3", [script, Port.ToString(CultureInfo.InvariantCulture), _maildir, .. refusedRecipients]), Port);
    }

    /// <summary>The raw messages received so far.</summary>
    public IReadOnlyList<string> Messages()
    {
        var inbox = Path.Combine(_maildir, "new");
        return Directory.Exists(inbox) ? [.. Directory.GetFiles(inbox).Select(File.ReadAllText)] : [];
    }

    public void Dispose()
    {
        LocalProcesses.Stop(_server);
        _server = null;
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(_maildir, recursive: true);
        }
    }

    /// <summary>A Maildir: aiosmtpd's Mailbox handler writes into tmp/ then moves to new/.</summary>
    private static string CreateMaildir()
    {
        var maildir = Directory.CreateTempSubdirectory("lapor-smtp-").FullName;
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, folder));
        }

        return maildir;
    }
}
