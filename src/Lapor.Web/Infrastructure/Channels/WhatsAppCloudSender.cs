using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Channels;

/// <summary>
/// WhatsApp Business Cloud API: POST {ApiBaseUrl}/{phone-number-id}/messages with the access token as
/// a Bearer token. Within 24 hours of the reporter's last message the reply goes as free text;
/// outside it as the configured template (<see cref="CustomerServiceWindow"/>). Should the platform
/// still answer 131047 (the window closed in between), the template goes at once.
/// </summary>
public sealed class WhatsAppCloudSender(HttpClient http, IOptions<ChannelOptions> options, ChannelContacts contacts, TimeProvider clock)
{
    /// <summary>The Cloud API's limit for a text message's body.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>"Re-engagement message": more than 24 hours since the customer last wrote.</summary>
    public const int ReEngagementRequired = 131047;

    public async Task SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value.WhatsApp;
        if (!settings.Connected)
        {
            throw new ChannelNotConnectedException(message.Channel);
        }

        var lastInbound = await contacts.LastInboundAsync(NotificationChannel.WhatsApp, message.Recipient, cancellationToken);
        var kind = CustomerServiceWindow.Choose(lastInbound, clock.GetUtcNow());
        try
        {
            await PostAsync(settings, Body(settings, message, kind), cancellationToken);
        }
        catch (ChannelDeliveryException closed) when (closed.ProviderCode == ReEngagementRequired && kind == WhatsAppMessageKind.Text)
        {
            await PostAsync(settings, Body(settings, message, WhatsAppMessageKind.Template), cancellationToken);
        }
    }

    /// <summary>The request body as the Cloud API documents it for a text or a template message.</summary>
    public static Dictionary<string, object> Body(WhatsAppChannelOptions settings, ChannelMessage message, WhatsAppMessageKind kind)
    {
        // The Cloud API takes the number with or without "+"; digits only, E.164 (an older report's 0812… too).
        var to = new string([.. PhoneNumber.Format(message.Recipient, PhoneNumberFormat.DigitsOnly).Where(char.IsAsciiDigit)]);
        var body = new Dictionary<string, object> { ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual", ["to"] = to };
        if (kind == WhatsAppMessageKind.Text)
        {
            body["type"] = "text";
            body["text"] = new Dictionary<string, object> { ["preview_url"] = false, ["body"] = ChannelHttp.Cut(message.Text, MaxTextLength) };
            return body;
        }

        body["type"] = "template";
        body["template"] = new Dictionary<string, object>
        {
            ["name"] = settings.TemplateName!,
            ["language"] = new Dictionary<string, string> { ["code"] = settings.TemplateLanguage },
            ["components"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["type"] = "body",
                    ["parameters"] = TemplateParameters(message, settings.TemplateNoReportWord)
                        .Select(text => new Dictionary<string, string> { ["type"] = "text", ["text"] = text }).ToArray(),
                },
            },
        };
        return body;
    }

    /// <summary>
    /// {{1}} and {{2}} of the template "Kabar laporan {{1}}: {{2}}": the tracking number and the message
    /// without its first mention of that number (which {{1}} already says; the one in the link stays),
    /// or <paramref name="noReportWord"/> and the whole message for a reply about no single report.
    /// The message is the variant whose answer fits the parameter (<see cref="ChannelMessage.TemplateText"/>).
    /// </summary>
    public static string[] TemplateParameters(ChannelMessage message, string noReportWord)
    {
        var text = message.TemplateText ?? message.Text;
        if (string.IsNullOrWhiteSpace(message.TrackingNumber))
        {
            return [noReportWord.Trim(), CustomerServiceWindow.AsParameter(text)];
        }

        // The number as a word, not inside the link's path.
        var mention = Regex.Match(text, $@"(?<=^|\s){Regex.Escape(message.TrackingNumber)}(?![/\w-])");
        if (mention.Success)
        {
            // With the space before it, when what follows is a space or punctuation ("laporan LPR-… selesai", "laporan LPR-…:").
            var at = mention.Index;
            var next = at + mention.Length < text.Length ? text[at + mention.Length] : ' ';
            var withSpace = at > 0 && text[at - 1] is ' ' && (next is ' ' or ':' or '.' or ',' or ';' or ')' or '\n');
            text = withSpace ? text.Remove(at - 1, mention.Length + 1) : text.Remove(at, mention.Length);
        }

        return [message.TrackingNumber, CustomerServiceWindow.AsParameter(text)];
    }

    private async Task PostAsync(WhatsAppChannelOptions settings, Dictionary<string, object> body, CancellationToken cancellationToken)
    {
        var address = new Uri(ChannelHttp.WithTrailingSlash(settings.ApiBaseUrl), $"./{settings.PhoneNumberId}/messages");
        using var response = await ChannelHttp.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = JsonContent.Create(body),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken) },
        }, settings.AccessToken, cancellationToken);
        var answer = await ChannelHttp.ReadJsonAsync(response, cancellationToken);
        if (response.IsSuccessStatusCode && answer is { } ok && ok.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            return;
        }

        throw Refusal(response, answer);
    }

    /// <summary>
    /// Graph API errors: <c>{"error":{"message":…,"type":"OAuthException","code":…,"error_data":{"details":…},…}}</c>.
    /// Codes about the recipient are permanent; rate limits, server trouble and the account's own
    /// setup (token 190, permissions, template) are retried, since an administrator can fix them.
    /// </summary>
    private static ChannelDeliveryException Refusal(HttpResponseMessage response, JsonElement? answer)
    {
        var error = answer is { } a && a.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
        var code = error is { } c && c.TryGetProperty("code", out var n) && n.TryGetInt32(out var number) ? number : (int?)null;
        var text = error is { } m && m.TryGetProperty("message", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : response.ReasonPhrase;
        var details = error is { } d && d.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("details", out var x) && x.ValueKind == JsonValueKind.String ? x.GetString() : null;
        var summary = $"WhatsApp {(int)response.StatusCode}{(code is { } k ? $" code {k}" : "")}: {text}{(details is null ? "" : $" ({details})")}";
        var permanent = code is ReEngagementRequired
            or 131026 // message undeliverable (not a WhatsApp number, old app, terms not accepted)
            or 131030 // recipient not in the allowed list (test numbers)
            or 131021 // recipient is the sender
            or 131051 // unsupported message type
            or 100;   // invalid parameter (a malformed number)
        return new ChannelDeliveryException(summary, permanent, response.StatusCode == HttpStatusCode.TooManyRequests ? ChannelHttp.RetryAfter(response) : null, code);
    }
}
