using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Lapor.TestSupport.Providers;

/// <summary>
/// The Telegram Bot API's <c>sendMessage</c> (https://core.telegram.org/bots/api#sendmessage):
/// POST /bot{token}/sendMessage with a JSON body holding <c>chat_id</c> (integer or string) and a
/// non-empty <c>text</c> of at most 4096 characters. Answers <c>{"ok":true,"result":Message}</c>, or
/// <c>{"ok":false,"error_code":…,"description":…}</c> (401 for a wrong token, 403 when the user blocked
/// the bot, 429 with <c>parameters.retry_after</c> when flooding, 400 for a malformed call).
/// </summary>
public sealed class TelegramBotApiStandIn : ProviderStandIn
{
    /// <summary>A token in BotFather's shape.</summary>
    public const string Token = "7012345678:AAFujiTokenLaporTest_abc-XYZ";

    private readonly ConcurrentQueue<(string ChatId, string Text)> _delivered = new();
    private readonly ConcurrentDictionary<string, bool> _blocked = new();
    private readonly ConcurrentDictionary<string, int> _flooded = new();
    private readonly ConcurrentQueue<int> _serverErrors = new();
    private int _messageId = 100;

    /// <summary>Messages accepted, as (chat id, text).</summary>
    public IReadOnlyCollection<(string ChatId, string Text)> Delivered => _delivered;

    /// <summary>This chat's user blocked the bot: 403.</summary>
    public void BlockedBy(string chatId) => _blocked[chatId] = true;

    /// <summary>The next message to this chat gets 429 with <c>retry_after</c> <paramref name="seconds"/>.</summary>
    public void FloodFor(string chatId, int seconds) => _flooded[chatId] = seconds;

    /// <summary>The next request gets a 502 from Telegram's front (an HTML page, as proxies answer).</summary>
    public void FailNextWithBadGateway() => _serverErrors.Enqueue(502);

    protected override Task AnswerAsync(HttpContext context, string body)
    {
        var request = context.Request;
        if (_serverErrors.TryDequeue(out var status))
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>");
        }

        if (request.Method != HttpMethods.Post || request.Path != "/bot" + Token + "/sendMessage")
        {
            var wrongToken = request.Path.StartsWithSegments("/bot" + Token) ? 404 : 401;
            Violation($"{request.Method} {request.Path} is not POST /bot<token>/sendMessage");
            return JsonAsync(context, wrongToken, wrongToken == 401 ? """{"ok":false,"error_code":401,"description":"Unauthorized"}""" : """{"ok":false,"error_code":404,"description":"Not Found"}""");
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            Violation($"Content-Type {request.ContentType}, not application/json");
        }

        JsonElement message;
        try
        {
            message = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            Violation("the body is not JSON");
            return JsonAsync(context, 400, """{"ok":false,"error_code":400,"description":"Bad Request: message text is empty"}""");
        }

        var chatId = message.TryGetProperty("chat_id", out var id) && id.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? id.ValueKind == JsonValueKind.Number ? id.GetInt64().ToString(CultureInfo.InvariantCulture) : id.GetString() : null;
        var text = message.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (chatId is null)
        {
            Violation("chat_id missing");
            return JsonAsync(context, 400, """{"ok":false,"error_code":400,"description":"Bad Request: chat_id is empty"}""");
        }

        if (string.IsNullOrEmpty(text) || text.Length > 4096)
        {
            Violation($"text empty or longer than 4096 ({text?.Length})");
            return JsonAsync(context, 400, """{"ok":false,"error_code":400,"description":"Bad Request: message text is empty"}""");
        }

        if (_blocked.ContainsKey(chatId))
        {
            return JsonAsync(context, 403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");
        }

        if (_flooded.TryRemove(chatId, out var seconds))
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return JsonAsync(context, 429, JsonSerializer.Serialize(new
            {
                ok = false, error_code = 429, description = $"Too Many Requests: retry after {seconds}", parameters = new { retry_after = seconds },
            }));
        }

        _delivered.Enqueue((chatId, text));
        var result = new
        {
            ok = true,
            result = new
            {
                message_id = Interlocked.Increment(ref _messageId),
                from = new { id = 7012345678, is_bot = true, first_name = "Lapor", username = "lapor_uji_bot" },
                chat = new { id = long.TryParse(chatId, CultureInfo.InvariantCulture, out var number) ? number : (object)chatId, type = "private" },
                date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                text,
            },
        };
        return JsonAsync(context, 200, JsonSerializer.Serialize(result));
    }
}
