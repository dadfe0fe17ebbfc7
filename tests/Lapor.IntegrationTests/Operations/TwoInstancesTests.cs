using System.Net;
using Lapor.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Operations;

/// <summary>Two portal instances on one database, as behind a load balancer: what one signs, the other accepts.</summary>
public sealed class TwoInstancesTests : IDisposable
{
    private readonly LaporAppFactory _first = new();
    private readonly SecondInstance _second;

    public TwoInstancesTests() => _second = new SecondInstance(_first);

    [Fact]
    public async Task SignInOnOne_ContinuesOnTheOther_AntiforgeryTokensToo()
    {
        await StaffWorld.CreateAsync(_first);
        var cookies = new System.Net.CookieContainer();
        var onFirst = Browser(_first, cookies);
        var onSecond = Browser(_second, cookies);

        // The sign-in form (and its antiforgery cookie) from the first instance, posted to the second.
        var page = await HtmlPage.GetAsync(onFirst, "/Account/Login");
        var signIn = await onSecond.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken("/Account/Login"),
            ["Email"] = StaffWorld.OfficerA,
            ["Password"] = Citizen.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/Account/Login", signIn.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        // The session cookie the second instance issued, honoured by the first.
        var inbox = await onFirst.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Contains("action=\"/Account/Logout\"", await inbox.Content.ReadAsStringAsync(), StringComparison.Ordinal); // signed in, not a sign-in prompt

        // The key ring lives in the shared database, not in either machine's profile folder.
        Assert.True(await _first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private static HttpClient Browser(LaporAppFactory app, System.Net.CookieContainer cookies) =>
        app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

    private sealed class SecondInstance(LaporAppFactory first) : LaporAppFactory(first.Root, ownsRoot: false);
}
