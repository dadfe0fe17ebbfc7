using System.Diagnostics;
using System.Net;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Operations;

/// <summary>
/// The portal as a separate operating-system process (<c>dotnet Lapor.Web.dll</c>, Production
/// environment, real Kestrel on a loopback port) so a test can kill it the hard way.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly Queue<string> _lastLines = new();
    private Process? _process;

    public PortalProcess(IDictionary<string, string> settings)
    {
        Port = LocalProcesses.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        _environment = new Dictionary<string, string>(settings) { ["ASPNETCORE_URLS"] = BaseAddress.ToString() };
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The web project's folder: its appsettings.json and wwwroot, as on a server.</summary>
    public static string ContentRoot => Path.Combine(LocalProcesses.RepositoryRoot, "src", "Lapor.Web");

    /// <summary>The settings every test portal needs: its own database (<see cref="TestDatabase"/>), attachment and mail folders under <paramref name="root"/>, migrated at start.</summary>
    public static Dictionary<string, string> SettingsUnder(string root) => new(TestDatabase.EnvironmentFor(root))
    {
        ["Database__MigrateOnStartup"] = "true",
        ["Attachments__Path"] = Path.Combine(root, "attachments"),
        ["Mail__PickupDirectory"] = Path.Combine(root, "mail"),
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    /// <summary><c>dotnet Lapor.Web.dll</c> with <paramref name="arguments"/>, run from the content root in Production with <paramref name="settings"/>.</summary>
    public static ProcessStartInfo StartInfo(IDictionary<string, string> settings, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lapor.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Starts the process and waits until /health/ready answers 200.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        _process = LocalProcesses.Start(StartInfo(_environment));
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The portal was not ready within {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no finishing the request in flight.</summary>
    public void Kill()
    {
        LocalProcesses.Stop(_process);
        _process = null;
    }

    /// <summary>The process's last output lines, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join('\n', _lastLines);
            }
        }
    }

    public void Dispose() => Kill();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 200)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
