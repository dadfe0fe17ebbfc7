using System.Net;
using System.Text.Json;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Channels;

/// <summary>
/// Telegram Bot API <c>sendMessage</c>: POST {ApiBaseUrl}/bot{token}/sendMessage with JSON
/// <c>chat_id</c> and <c>text</c>; the answer is <c>{"ok":true,"result":{…}}</c> or
/// <c>{"ok":false,"error_code":…,"description":…,"parameters":{"retry_after":…}}</c>.
/// </summary>
public sealed class TelegramBotSender(HttpClient http, IOptions<ChannelOptions> options)
{
    /// <summary>Telegram's limit for one message's text.</summary>
    public const int MaxTextLength = 4096;

    public async Task SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var telegram = options.Value.Telegram;
        var token = telegram.BotToken ?? throw new ChannelNotConnectedException(message.Channel);
        var address = new Uri(ChannelHttp.WithTrailingSlash(telegram.ApiBaseUrl), $"./bot{token}/sendMessage");
        var body = new Dictionary<string, object>
        {
            // A chat id is a number in the API; a non-numeric one (a channel's @username) goes as a string.
            ["chat_id"] = long.TryParse(message.Recipient, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : message.Recipient,
            ["text"] = ChannelHttp.Cut(message.Text, MaxTextLength),
        };

        using var response = await ChannelHttp.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, address) { Content = JsonContent.Create(body) }, token, cancellationToken);
        var answer = await ChannelHttp.ReadJsonAsync(response, cancellationToken);
        if (response.IsSuccessStatusCode && answer is { } ok && ok.TryGetProperty("ok", out var flag) && flag.ValueKind == JsonValueKind.True)
        {
            return;
        }

        throw Refusal(response, answer);
    }

    private static ChannelDeliveryException Refusal(HttpResponseMessage response, JsonElement? answer)
    {
        var code = answer is { } a && a.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : (int)response.StatusCode;
        var description = answer is { } d && d.TryGetProperty("description", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : response.ReasonPhrase;
        var summary = $"Telegram {code}: {description}";
        if (code == (int)HttpStatusCode.TooManyRequests)
        {
            var retryAfter = answer is { } p && p.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("retry_after", out var seconds) && seconds.TryGetInt32(out var s) ? TimeSpan.FromSeconds(s) : ChannelHttp.RetryAfter(response);
            return new ChannelDeliveryException(summary, permanent: false, retryAfter, code);
        }

        // 403: the user blocked the bot or deleted the account; 400 "chat not found" and the like: the
        // chat cannot take messages. 401/404 mean a wrong token: fixable by the administrator, so retried.
        var permanent = code == (int)HttpStatusCode.Forbidden || code == (int)HttpStatusCode.BadRequest;
        return new ChannelDeliveryException(summary, permanent, providerCode: code);
    }
}
