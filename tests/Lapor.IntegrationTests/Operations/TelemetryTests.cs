using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Lapor.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace Lapor.IntegrationTests.Operations;

/// <summary>Metrics pushed over OTLP/HTTP to a collector: the portal's own counters beside HTTP and runtime ones.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly HttpListener _collector = new();
    private readonly ConcurrentQueue<byte[]> _received = new();
    private readonly TelemetryApp _app;

    public TelemetryTests()
    {
        var port = LocalProcesses.FreePort();
        _collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        _collector.Start();
        _ = Task.Run(CollectAsync);
        _app = new TelemetryApp($"http://127.0.0.1:{port}/");
    }

    [Fact]
    public async Task AFiledReport_IsCounted_AndExportedWithTheServiceName()
    {
        await Citizen.FileAndConfirmAsync(_app.CreateBrowser());

        // Up to a minute: the exporter sends on its own interval, and a loaded CI machine delays it well past ten seconds.
        // The loop ends as soon as the export is in, so a healthy run waits no longer than before.
        // The HTTP metrics can come in a later export than the portal's counter: wait for both.
        string? export = null;
        var withHttp = false;
        for (var waited = 0; waited < 600 && (export is null || !withHttp); waited++)
        {
            var bodies = _received.Select(Encoding.UTF8.GetString).ToList();
            export = bodies.FirstOrDefault(body => body.Contains("lapor.reports.filed", StringComparison.Ordinal));
            withHttp = bodies.Any(body => body.Contains("http.server.request.duration", StringComparison.Ordinal));
            await Task.Delay(100);
        }

        // OTLP protobuf keeps names and string values as UTF-8, so they can be looked for in the bytes.
        Assert.NotNull(export);
        Assert.Contains("lapor-uji", export, StringComparison.Ordinal);
        Assert.Contains("channel", export, StringComparison.Ordinal);
        Assert.Contains("Web", export, StringComparison.Ordinal); // the attribute's value: filed through the web form
        Assert.True(withHttp, "no export carried http.server.request.duration");
    }

    public void Dispose()
    {
        _app.Dispose();
        _collector.Close();
    }

    /// <summary>The collector: accepts every OTLP/HTTP export (POST /v1/metrics) and keeps its body.</summary>
    private async Task CollectAsync()
    {
        while (_collector.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _collector.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            if (context.Request.HttpMethod == "POST" && context.Request.Url?.AbsolutePath == "/v1/metrics")
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.Enqueue(body.ToArray());
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private sealed class TelemetryApp(string collector) : LaporAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OpenTelemetry:OtlpEndpoint", collector);
            builder.UseSetting("OpenTelemetry:ExportInterval", "00:00:00.300");
            builder.UseSetting("OpenTelemetry:ServiceName", "lapor-uji");
        }
    }
}
