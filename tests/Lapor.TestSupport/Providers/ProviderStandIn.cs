using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lapor.TestSupport.Providers;

/// <summary>
/// A provider's HTTP API on a loopback port, on real Kestrel in the test process: each request is
/// checked the way the provider documents it and answered with the provider's documented bodies.
/// What did not match the documentation is kept in <see cref="Violations"/> (and answered as the
/// provider would answer a malformed request), so a test asserts there were none. Disposed by the test.
/// </summary>
public abstract class ProviderStandIn : IDisposable, IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly ConcurrentQueue<string> _violations = new();

    protected ProviderStandIn()
    {
        Port = LocalProcesses.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{Port}");
        _server = builder.Build();
        _server.Run(HandleAsync);
        _server.StartAsync().GetAwaiter().GetResult();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>Every way a request differed from the provider's documentation.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>How many requests arrived, well-formed or not.</summary>
    public int RequestCount => _requests;

    private int _requests;

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        await AnswerAsync(context, body);
    }

    /// <summary>Checks one request and writes the provider's answer.</summary>
    protected abstract Task AnswerAsync(HttpContext context, string body);

    /// <summary>Keeps what did not match, for the test to see.</summary>
    protected void Violation(string what) => _violations.Enqueue(what);

    protected static Task JsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json);
    }

    public void Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
