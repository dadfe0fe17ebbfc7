using System.Net;
using System.Text.RegularExpressions;

namespace Lapor.Bench;

/// <summary>One browser-like client: its own cookies, no automatic redirects, antiforgery tokens read from the forms.</summary>
public sealed partial class Session : IDisposable
{
    private readonly HttpClient _client;

    public Session(Uri baseUrl)
    {
        _client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public static async Task<Session> SignInAsync(Uri baseUrl, string email, string password)
    {
        var session = new Session(baseUrl);
        var token = await session.FormTokenAsync("/Account/Login");
        using var response = await session._client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = email,
            ["Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}; is the data set generated and two-factor off?");
        }

        return session;
    }

    /// <summary>GETs the page and returns its body; anything but 200 is an error.</summary>
    public async Task<string> GetAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK ? body : throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
    }

    public async Task<string> FormTokenAsync(string url) =>
        TokenPattern().Match(await GetAsync(url)) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {url}.");

    /// <summary>The antiforgery token of a page already read, if it has a form.</summary>
    public static string? TokenOf(string page) =>
        TokenPattern().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    public Task<HttpResponseMessage> PostAsync(string url, HttpContent content) => _client.PostAsync(url, content);

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
