using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lapor.TestSupport.Providers;

/// <summary>
/// An API client's webhook receiver on loopback (real Kestrel), checking each delivery as the README
/// tells integrators to: POST to its path, <c>Content-Type: application/json</c>, <c>X-Lapor-Delivery</c>,
/// and <c>X-Lapor-Signature: sha256=</c> the hex HMAC-SHA256 of <c>{X-Lapor-Timestamp}.{raw body}</c> with
/// the shared secret — computed here from that recipe, not with Lapor's code. A delivery that breaks a
/// rule is answered 401 and not kept; <see cref="FailNext"/> makes it answer 503 as a receiver that is down.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Path = "/lapor/webhook";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _accepted = new();
    private readonly ConcurrentQueue<string> _refused = new();
    private int _failures;

    /// <summary>One accepted delivery: its id header and its body as sent.</summary>
    public sealed record Delivery(string Id, string Body);

    private WebhookReceiver(string secret)
    {
        Secret = secret;
        Port = LocalProcesses.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls(Url);
        _app = builder.Build();
        _app.MapPost(Path, (Func<HttpContext, Task<IResult>>)ReceiveAsync);
    }

    public string Secret { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string WebhookUrl => Url + Path;

    public IReadOnlyList<Delivery> Accepted => [.. _accepted];

    /// <summary>Why deliveries were refused (a broken signature, a wrong header).</summary>
    public IReadOnlyList<string> Refused => [.. _refused];

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var receiver = new WebhookReceiver(secret);
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> deliveries are answered 503 Service Unavailable.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var request = context.Request;
        var timestamp = request.Headers["X-Lapor-Timestamp"].ToString();
        var signature = request.Headers["X-Lapor-Signature"].ToString();
        var delivery = request.Headers["X-Lapor-Delivery"].ToString();

        string? broken = null;
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.Ordinal))
        {
            broken = $"content type {request.ContentType}";
        }
        else if (delivery.Length == 0)
        {
            broken = "no X-Lapor-Delivery";
        }
        else if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            broken = "timestamp missing or more than 5 minutes off";
        }
        else
        {
            var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
            {
                broken = "signature mismatch";
            }
        }

        if (broken is not null)
        {
            _refused.Enqueue(broken);
            return Results.Unauthorized();
        }

        _accepted.Enqueue(new Delivery(delivery, Encoding.UTF8.GetString(body)));
        return Results.NoContent();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
