using System.Net;
using Lapor.IntegrationTests.Infrastructure;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Operations;

/// <summary>Two portal instances on one database and folder, as behind a load balancer: what one signs or stores, the other accepts and sees.</summary>
public sealed class TwoInstancesTests : IDisposable
{
    private readonly Instance _first = new(Directory.CreateTempSubdirectory("lapor-it-").FullName, ownsRoot: true);
    private readonly Instance _second;

    public TwoInstancesTests() => _second = new Instance(_first.Root, ownsRoot: false);

    [Fact]
    public async Task SignInOnOne_ContinuesOnTheOther_AntiforgeryTokensToo()
    {
        await StaffWorld.CreateAsync(_first);
        var cookies = new CookieContainer();
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

    [Fact]
    public async Task FiledOnOne_IsInTheOthersQueue_AndItsMailIsSentExactlyOnce()
    {
        await StaffWorld.CreateAsync(_first);
        var (number, _) = await Citizen.FileAndConfirmAsync(_first.CreateBrowser());

        var coordinator = await Staff.SignInAsync(_second, StaffWorld.Coordinator);
        Assert.Contains(number, (await coordinator.OpenAsync("/inbox")).Text, StringComparison.Ordinal);

        // Both instances' dispatchers at once, a few rounds: the claim on each outbox row lets only one send it.
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(DispatchAsync(_first), DispatchAsync(_second));
        }

        var mails = Directory.GetFiles(_first.MailPath, "*.eml").Where(f => File.ReadAllText(f).Contains(number, StringComparison.Ordinal)).ToList();
        Assert.Single(mails);
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private static async Task DispatchAsync(LaporAppFactory instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    private static HttpClient Browser(LaporAppFactory app, CookieContainer cookies) =>
        app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

    /// <summary>An instance whose background jobs the test runs by hand.</summary>
    private sealed class Instance(string root, bool ownsRoot) : LaporAppFactory(root, ownsRoot)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mail:DispatchEnabled", "false");
            builder.UseSetting("Deadlines:JobEnabled", "false");
        }
    }
}
