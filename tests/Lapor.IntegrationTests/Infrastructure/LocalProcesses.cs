using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lapor.IntegrationTests.Infrastructure;

/// <summary>Real programs the tests start on loopback (SMTP, Redis, S3, the portal itself): ports, paths, start and stop.</summary>
public static class LocalProcesses
{
    /// <summary>The repository's root folder (where Lapor.sln is).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a server and returns once it accepts connections on <paramref name="port"/> (within ten seconds).</summary>
    public static async Task<Process> StartServerAsync(ProcessStartInfo start, int port)
    {
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        var server = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        for (var i = 0; i < 100; i++)
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
        throw new InvalidOperationException($"{start.FileName} is not listening on {port}.");
    }

    /// <summary>Kills a started server (and its children) and waits for it to go.</summary>
    public static void Stop(Process? server)
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }

        server?.Dispose();
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
