using System.Net.Http.Headers;
using System.Text.Json;
using Lapor.Web.Infrastructure.Notifications;

namespace Lapor.Web.Infrastructure.Channels;

/// <summary>What the three senders share: one call with secrets kept out of errors, the answer read as JSON, Retry-After.</summary>
internal static class ChannelHttp
{
    /// <summary>
    /// Sends the request; a network failure, timeout or open circuit becomes a transient
    /// <see cref="ChannelDeliveryException"/> whose text never holds <paramref name="secret"/> (Telegram's token is in the path).
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, Func<HttpRequestMessage> request, string? secret, CancellationToken cancellationToken)
    {
        using var message = request();
        try
        {
            return await http.SendAsync(message, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var text = $"{error.GetType().Name}: {error.Message}";
            throw new ChannelDeliveryException(string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal), permanent: false);
        }
    }

    /// <summary>The answer as JSON, or null when it is not JSON (a proxy's error page, say).</summary>
    public static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The Retry-After header as a delay, in seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        RetryConditionHeaderValue { Delta: { } delta } => delta,
        RetryConditionHeaderValue { Date: { } date } when date > DateTimeOffset.UtcNow => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    public static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");

    public static string Cut(string text, int maxLength) => text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
}
