using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lapor.TestSupport;

/// <summary>Real programs the tests start on loopback (SMTP, Redis, S3, the portal itself): ports, paths, start and stop.</summary>
public static class LocalProcesses
{
    /// <summary>The repository's root folder (where Lapor.sln is).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static readonly HashSet<Process> Running = [];

    static LocalProcesses() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts a program tied to this test process: it runs under <c>tether.py</c>, which kills its
    /// whole process group as soon as our end of its stdin closes, so it cannot outlive the test
    /// run even when the test host is killed; a normal exit of the test host stops it too. End it
    /// with <see cref="Stop"/>.
    /// </summary>
    public static Process Start(ProcessStartInfo start)
    {
        if (!string.IsNullOrEmpty(start.Arguments))
        {
            throw new ArgumentException("Pass the arguments in ArgumentList.", nameof(start));
        }

        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, Path.Combine(RepositoryRoot, "tests", "Lapor.TestSupport", "tether.py"));
        start.FileName = "/usr/bin/python3";
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.ArgumentList[1]} did not start.");
        lock (Running)
        {
            Running.Add(process);
        }

        return process;
    }

    /// <summary>Starts a server (see <see cref="Start"/>) and returns once it accepts connections on <paramref name="port"/> (within ten seconds).</summary>
    public static async Task<Process> StartServerAsync(ProcessStartInfo start, int port)
    {
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        var server = Start(start);
        for (var i = 0; i < 100 && !server.HasExited; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        Stop(server);
        throw new InvalidOperationException($"{start.ArgumentList[1]} is not listening on {port}.");
    }

    /// <summary>Kills a started program (and its children) and waits for it to go.</summary>
    public static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        lock (Running)
        {
            Running.Remove(process);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    /// <summary>Whatever a test started and did not stop (a fixture never disposed, a test that threw first) ends with the test host.</summary>
    private static void StopAll()
    {
        Process[] left;
        lock (Running)
        {
            left = [.. Running];
        }

        foreach (var process in left)
        {
            Stop(process);
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lapor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Lapor.sln not found above the test folder.");
    }
}
