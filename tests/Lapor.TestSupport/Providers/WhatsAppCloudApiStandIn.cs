using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Lapor.TestSupport.Providers;

/// <summary>
/// The WhatsApp Business Cloud API's send endpoint (Graph API, developers.facebook.com/docs/whatsapp/cloud-api/reference/messages):
/// POST /{version}/{phone-number-id}/messages, <c>Authorization: Bearer {token}</c>, a JSON body with
/// <c>messaging_product: "whatsapp"</c>, <c>to</c> and <c>type</c> <c>text</c> (<c>text.body</c>) or
/// <c>template</c> (<c>template.name</c>, <c>template.language.code</c>, body parameters of type text
/// without new lines, tabs or more than four spaces in a row). Answers the documented
/// <c>{"messaging_product":"whatsapp","contacts":[…],"messages":[{"id":"wamid…"}]}</c> or a Graph error
/// <c>{"error":{"message":…,"type":"OAuthException","code":…,"error_data":{…},"fbtrace_id":…}}</c>:
/// 190 for a bad token, 131047 for free text outside the 24-hour window, 131026 for an undeliverable number.
/// Sending only; the media endpoints live in their own stand-in.
/// </summary>
public sealed partial class WhatsAppCloudApiStandIn : ProviderStandIn
{
    public const string Version = "v21.0";

    public const string AccessToken = "EAAGujiLaporAksesToken123";

    public const string PhoneNumberId = "106540352242922";

    private readonly ConcurrentQueue<Sent> _delivered = new();
    private readonly ConcurrentDictionary<string, bool> _windowClosed = new();
    private readonly ConcurrentDictionary<string, bool> _undeliverable = new();
    private int _sequence;

    /// <summary>One accepted message: free text (<see cref="Text"/>) or a template (<see cref="Template"/> and its parameters).</summary>
    public sealed record Sent(string To, string Type, string? Text, string? Template, string? Language, IReadOnlyList<string> Parameters);

    /// <summary>The Graph API address Lapor is configured with (with the version).</summary>
    public Uri ApiBaseUrl => new(Address, Version + "/");

    public IReadOnlyCollection<Sent> Delivered => _delivered;

    /// <summary>This number last wrote more than 24 hours ago as far as WhatsApp knows: free text gets 131047.</summary>
    public void WindowClosedFor(string number) => _windowClosed[number] = true;

    /// <summary>This number cannot receive messages (not on WhatsApp): 131026.</summary>
    public void Undeliverable(string number) => _undeliverable[number] = true;

    protected override Task AnswerAsync(HttpContext context, string body)
    {
        var request = context.Request;
        if (request.Method != HttpMethods.Post || request.Path != $"/{Version}/{PhoneNumberId}/messages")
        {
            Violation($"{request.Method} {request.Path} is not POST /{Version}/{PhoneNumberId}/messages");
            return Error(context, 400, 100, "Unsupported post request.", "GraphMethodException");
        }

        if (request.Headers.Authorization.ToString() != "Bearer " + AccessToken)
        {
            Violation("Authorization is not the Bearer token");
            return Error(context, 401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
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
            return Error(context, 400, 100, "(#100) Invalid parameter", "OAuthException");
        }

        if (StringOf(message, "messaging_product") != "whatsapp")
        {
            Violation("messaging_product is not \"whatsapp\"");
            return Error(context, 400, 100, "(#100) The parameter messaging_product is required.", "OAuthException");
        }

        var to = StringOf(message, "to");
        if (to is null || !PhoneDigits().IsMatch(to))
        {
            Violation($"to is not a number with its country code: {to}");
            return Error(context, 400, 100, "(#100) Invalid parameter", "OAuthException");
        }

        var sent = StringOf(message, "type") switch
        {
            "text" => Text(message, to),
            "template" => Template(message, to),
            var other => Invalid($"type {other} is neither text nor template"),
        };
        if (sent is null)
        {
            return Error(context, 400, 100, "(#100) Invalid parameter", "OAuthException");
        }

        if (_undeliverable.ContainsKey(to))
        {
            return Error(context, 400, 131026, "(#131026) Message undeliverable", "OAuthException", "Message Undeliverable.");
        }

        if (sent.Type == "text" && _windowClosed.ContainsKey(to))
        {
            return Error(context, 400, 131047, "(#131047) Re-engagement message", "OAuthException",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
        }

        _delivered.Enqueue(sent);
        var id = $"wamid.HBgLNjI4MTIzNDU2Nzg5FQIAERgSQ0{Interlocked.Increment(ref _sequence):D6}";
        return JsonAsync(context, 200, JsonSerializer.Serialize(new
        {
            messaging_product = "whatsapp",
            contacts = new[] { new { input = to, wa_id = to } },
            messages = new[] { new { id } },
        }));
    }

    private Sent? Text(JsonElement message, string to)
    {
        var body = message.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object ? StringOf(text, "body") : null;
        return string.IsNullOrEmpty(body) || body.Length > 4096 ? Invalid("text.body missing or longer than 4096") : new Sent(to, "text", body, null, null, []);
    }

    private Sent? Template(JsonElement message, string to)
    {
        if (!message.TryGetProperty("template", out var template) || template.ValueKind != JsonValueKind.Object)
        {
            return Invalid("template missing");
        }

        var name = StringOf(template, "name");
        var language = template.TryGetProperty("language", out var l) && l.ValueKind == JsonValueKind.Object ? StringOf(l, "code") : null;
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(language))
        {
            return Invalid("template.name or template.language.code missing");
        }

        var parameters = new List<string>();
        if (template.TryGetProperty("components", out var components))
        {
            foreach (var component in components.EnumerateArray().Where(c => StringOf(c, "type") == "body"))
            {
                foreach (var parameter in component.GetProperty("parameters").EnumerateArray())
                {
                    var value = StringOf(parameter, "text");
                    if (StringOf(parameter, "type") != "text" || string.IsNullOrEmpty(value))
                    {
                        return Invalid("a body parameter is not a non-empty text");
                    }

                    if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\t', StringComparison.Ordinal) || value.Contains("     ", StringComparison.Ordinal))
                    {
                        // WhatsApp's (#132018) "Param text cannot have new-line/tab characters or more than 4 consecutive spaces".
                        return Invalid("a body parameter has a new line, a tab or more than four spaces in a row");
                    }

                    parameters.Add(value);
                }
            }
        }

        return new Sent(to, "template", null, name, language, parameters);
    }

    private Sent? Invalid(string what)
    {
        Violation(what);
        return null;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Task Error(HttpContext context, int status, int code, string message, string type, string? details = null) =>
        JsonAsync(context, status, JsonSerializer.Serialize(new
        {
            error = new
            {
                message,
                type,
                code,
                error_data = details is null ? null : new { messaging_product = "whatsapp", details },
                fbtrace_id = "AbCdEfGhIjKlMnOp",
            },
        }, WithoutNulls));

    private static readonly JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    [GeneratedRegex("^[1-9][0-9]{7,14}$")]
    private static partial Regex PhoneDigits();
}
