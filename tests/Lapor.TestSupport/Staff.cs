using System.Net;

namespace Lapor.TestSupport;

/// <summary>A signed-in browser session of one staff member, driving the real staff pages.</summary>
public sealed class Staff
{
    private Staff(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static async Task<Staff> SignInAsync(LaporAppFactory app, string email)
    {
        var client = app.CreateBrowser();
        var response = await Citizen.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Staff(client);
    }

    public Task<HtmlPage> OpenAsync(string url) => HtmlPage.GetAsync(Client, url);

    /// <summary>Opens the report's staff page and posts one of its action forms with the version shown.</summary>
    public async Task<HttpResponseMessage> ActAsync(string trackingNumber, string action, params (string Name, string Value)[] fields)
    {
        var page = await OpenAsync($"/inbox/{trackingNumber}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var version = page.Document.QuerySelector($"form[action='/inbox/{trackingNumber}/{action}'] input[name=Version]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No {action} form on the page: the action is not offered.");
        return await PostAsync(trackingNumber, action, page.AntiforgeryToken($"/inbox/{trackingNumber}/{action}"), version, fields);
    }

    public Task<HttpResponseMessage> PostAsync(string trackingNumber, string action, string token, string version, params (string Name, string Value)[] fields) =>
        Client.PostAsync($"/inbox/{trackingNumber}/{action}", new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
                .Append(KeyValuePair.Create("__RequestVerificationToken", token))
                .Append(KeyValuePair.Create("Version", version))));

    /// <summary>Posts a form to <paramref name="url"/> with this session's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, params (string Name, string Value)[] fields) =>
        await Client.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", await TokenAsync()))));

    /// <summary>An antiforgery token valid for this session, taken from any page with a form.</summary>
    public async Task<string> TokenAsync() => (await OpenAsync("/lapor")).AntiforgeryToken("/lapor");
}
