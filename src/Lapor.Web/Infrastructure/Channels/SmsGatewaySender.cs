using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Channels;

/// <summary>
/// A generic HTTP SMS gateway: one request as configured (<see cref="SmsGatewayOptions"/>), the
/// number (in the spelling the gateway wants, <see cref="SmsGatewayOptions.NumberFormat"/>) and text put into the body template (or, for GET, the address), encoded for where they go.
/// A 2xx answer (holding <see cref="SmsGatewayOptions.SuccessBodyContains"/> when set) is success; a
/// 4xx other than 401, 403 (the key), 408 and 429 is the gateway refusing this message (a wrong number, say): permanent.
/// </summary>
public sealed class SmsGatewaySender(HttpClient http, IOptions<ChannelOptions> options)
{
    public async Task SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        if (!sms.Connected)
        {
            throw new ChannelNotConnectedException(message.Channel);
        }

        // In the GSM 7-bit alphabet: one "—" would send the whole text as UCS-2, in twice the segments.
        var text = GsmText.Fold(message.Text);
        using var response = await ChannelHttp.SendAsync(http, () => Request(sms, message.Recipient, text), sms.AuthHeaderValue, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode && (string.IsNullOrEmpty(sms.SuccessBodyContains) || answer.Contains(sms.SuccessBodyContains, StringComparison.Ordinal)))
        {
            return;
        }

        var summary = $"SMS gateway {(int)response.StatusCode}: {ChannelHttp.Cut(answer.ReplaceLineEndings(" "), 300)}";
        var status = (int)response.StatusCode;
        // 401/403 are Lapor's key, fixable by an administrator: retried like a server error, as a Telegram or WhatsApp token error is.
        var permanent = status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        throw new ChannelDeliveryException(summary, permanent, response.StatusCode == HttpStatusCode.TooManyRequests ? ChannelHttp.RetryAfter(response) : null, status);
    }

    /// <summary>The request the configuration describes, for <paramref name="to"/> (written as <see cref="SmsGatewayOptions.NumberFormat"/> says) and <paramref name="text"/>.</summary>
    public static HttpRequestMessage Request(SmsGatewayOptions sms, string to, string text)
    {
        to = PhoneNumber.Format(to, sms.NumberFormat);
        var method = sms.HttpMethod;
        HttpRequestMessage request;
        if (method == HttpMethod.Get)
        {
            // The placeholders as written, or as Uri escaped them; the rest of the address is left as configured.
            var template = sms.Url!.OriginalString.Replace("%7Bto%7D", "{to}", StringComparison.OrdinalIgnoreCase).Replace("%7Btext%7D", "{text}", StringComparison.OrdinalIgnoreCase);
            var address = Fill(template, to, text, Uri.EscapeDataString);
            request = new HttpRequestMessage(method, new Uri(address));
        }
        else
        {
            var json = sms.BodyEncoding == SmsBodyEncoding.Json;
            Func<string, string> encode = json ? JsonStringContent : Uri.EscapeDataString;
            var mediaType = json ? "application/json" : "application/x-www-form-urlencoded";
            request = new HttpRequestMessage(method, sms.Url) { Content = new StringContent(Fill(sms.BodyTemplate, to, text, encode), Encoding.UTF8, mediaType) };
        }

        if (!string.IsNullOrWhiteSpace(sms.AuthHeaderName))
        {
            request.Headers.TryAddWithoutValidation(sms.AuthHeaderName, sms.AuthHeaderValue);
        }

        return request;
    }

    private static string Fill(string template, string to, string text, Func<string, string> encode) =>
        template.Replace("{to}", encode(to.Trim()), StringComparison.Ordinal).Replace("{text}", encode(text), StringComparison.Ordinal);

    /// <summary>
    /// Escapes only what JSON requires (quotes, backslashes, control characters), not "+" or non-ASCII
    /// as <c>\u002B</c>: valid JSON either way, but simple gateways pass such escapes on as typed. The
    /// default encoder escapes those for JSON that may end up inside HTML; this body goes to the
    /// gateway and nowhere else, so the relaxed one is safe here.
    /// </summary>
    private static readonly JsonSerializerOptions GatewayJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A value inside a JSON string: the template holds the quotes.</summary>
    private static string JsonStringContent(string value)
    {
        var quoted = JsonSerializer.Serialize(value, GatewayJson);
        return quoted[1..^1];
    }
}
