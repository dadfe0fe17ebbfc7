using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Lapor.TestSupport.Providers;

/// <summary>
/// An HTTP SMS gateway of the kind Indonesian regions buy (one request per message, a key in a header,
/// the number and text in a JSON or form body, a status field in the answer). It checks each request
/// against exactly what Lapor's configuration says will be sent: the method, the path, the header, the
/// content type, and the body matching the configured template character for character, its
/// placeholders decoded as their encoding says. Answers <c>{"status":"1","text":"Success",…}</c>, or
/// 400 <c>{"status":"0","text":"Nomor tujuan tidak valid"}</c> for a number it refuses, or 401.
/// </summary>
public sealed class SmsGatewayStandIn : ProviderStandIn
{
    public const string Path = "/api/v2/sms/send";

    public const string AuthHeaderName = "X-Api-Key";

    public const string AuthHeaderValue = "kunci-gerbang-sms-uji";

    private readonly ConcurrentQueue<(string To, string Text)> _delivered = new();
    private readonly ConcurrentDictionary<string, bool> _invalid = new();
    private readonly Regex _body;
    private readonly string _method;
    private readonly bool _json;

    /// <param name="method">The configured method: POST or PUT (a body), GET (the placeholders in the query).</param>
    /// <param name="bodyTemplate">The configured body template, or for GET the query template (<c>to={to}&amp;text={text}</c>).</param>
    /// <param name="json">True for a JSON body, false for form encoding (and for GET).</param>
    public SmsGatewayStandIn(string method, string bodyTemplate, bool json)
    {
        (_method, _json, BodyTemplate) = (method, json, bodyTemplate);
        var pattern = Regex.Escape(bodyTemplate).Replace(@"\{to}", "(?<to>.*?)", StringComparison.Ordinal).Replace(@"\{text}", "(?<text>.*?)", StringComparison.Ordinal);
        _body = new Regex($"^{pattern}$", RegexOptions.Singleline);
    }

    public string BodyTemplate { get; }

    /// <summary>The gateway's send address Lapor is configured with (for GET, with the query template).</summary>
    public Uri Url => new(Address, _method == "GET" ? $"{Path}?{BodyTemplate}" : Path);

    public IReadOnlyCollection<(string To, string Text)> Delivered => _delivered;

    /// <summary>The gateway refuses this number (400).</summary>
    public void RefuseNumber(string number) => _invalid[number] = true;

    protected override Task AnswerAsync(HttpContext context, string body)
    {
        var request = context.Request;
        if (request.Method != _method || request.Path != Path)
        {
            Violation($"{request.Method} {request.Path} is not {_method} {Path}");
            return JsonAsync(context, 404, """{"status":"0","text":"Not found"}""");
        }

        if (request.Headers[AuthHeaderName].ToString() != AuthHeaderValue)
        {
            Violation($"{AuthHeaderName} is missing or wrong");
            return JsonAsync(context, 401, """{"status":"0","text":"Invalid API key"}""");
        }

        var expectedType = _method == "GET" ? null : _json ? "application/json" : "application/x-www-form-urlencoded";
        if (expectedType is not null && request.ContentType?.StartsWith(expectedType, StringComparison.Ordinal) != true)
        {
            Violation($"Content-Type {request.ContentType}, not {expectedType}");
        }

        var raw = _method == "GET" ? request.QueryString.Value?.TrimStart('?') ?? "" : body;

        // Valid JSON, but the simple gateways regions buy pass "\u002B6281…" on as typed: a number they cannot dial.
        if (_json && Regex.IsMatch(raw, @"(?<!\\)(\\\\)*\\u[0-9A-Fa-f]{4}"))
        {
            Violation($"a \\u escape in the JSON body, which simple gateways do not decode: {raw}");
        }

        var match = _body.Match(raw);
        if (!match.Success)
        {
            Violation($"the {(_method == "GET" ? "query" : "body")} does not follow the configured template: {raw}");
            return JsonAsync(context, 400, """{"status":"0","text":"Parameter tidak lengkap"}""");
        }

        var (to, text) = (Decode(match.Groups["to"].Value), Decode(match.Groups["text"].Value));
        if (to is null || text is null)
        {
            return JsonAsync(context, 400, """{"status":"0","text":"Parameter tidak lengkap"}""");
        }

        if (_invalid.ContainsKey(to))
        {
            return JsonAsync(context, 400, """{"status":"0","text":"Nomor tujuan tidak valid"}""");
        }

        _delivered.Enqueue((to, text));
        return JsonAsync(context, 200, JsonSerializer.Serialize(new { messageId = $"{_delivered.Count:D8}", to, status = "1", text = "Success" }));
    }

    /// <summary>A placeholder's value as its encoding writes it: JSON string content, or percent-encoding (a raw '&amp;' or '=' is a violation).</summary>
    private string? Decode(string encoded)
    {
        if (_json && _method != "GET")
        {
            try
            {
                return JsonSerializer.Deserialize<string>($"\"{encoded}\"");
            }
            catch (JsonException)
            {
                Violation($"not valid JSON string content: {encoded}");
                return null;
            }
        }

        if (encoded.IndexOfAny(['&', '=', ' ', '\n']) >= 0)
        {
            Violation($"not percent-encoded: {encoded}");
            return null;
        }

        return Uri.UnescapeDataString(encoded.Replace('+', ' '));
    }
}
