using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Operations;

/// <summary>
/// Two portal instances on one database, attachment folder and Redis cache, as behind a load
/// balancer: what one signs, stores or changes, the other accepts and sees.
/// </summary>
public sealed class TwoInstancesTests : IClassFixture<RedisServer>, IDisposable
{
    private const int Reports = 6;
    private readonly Instance _first;
    private readonly Instance _second;

    public TwoInstancesTests(RedisServer redis)
    {
        _first = new Instance(Directory.CreateTempSubdirectory("lapor-it-").FullName, ownsRoot: true, redis.Configuration);
        _second = new Instance(_first.Root, ownsRoot: false, redis.Configuration);
    }

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

        // Signing out on the second instance ends the session for the first one too, even for a copy of the cookie.
        var copy = cookies.GetCookies(new Uri("https://localhost")).Select(c => $"{c.Name}={c.Value}").ToList();
        var signedIn = await HtmlPage.GetAsync(onSecond, "/inbox");
        Assert.Equal(HttpStatusCode.Redirect, (await onSecond.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = signedIn.AntiforgeryToken("/Account/Logout"),
        }))).StatusCode);
        var thief = _first.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", string.Join("; ", copy));
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/inbox")).StatusCode);
    }

    [Fact]
    public async Task FiledOnOne_IsInTheOthersQueue_AndBothBackgroundServicesSendEachNotificationOnce()
    {
        await StaffWorld.CreateAsync(_first);
        var numbers = new List<string>();
        for (var i = 0; i < Reports; i++)
        {
            numbers.Add((await Citizen.FileAndConfirmAsync(_first.CreateBrowser())).Number);
        }

        var coordinator = await Staff.SignInAsync(_second, StaffWorld.Coordinator);
        var queue = (await coordinator.OpenAsync("/inbox")).Text;
        Assert.All(numbers, number => Assert.Contains(number, queue, StringComparison.Ordinal));

        // Verification overdue for weeks: both instances' deadline jobs now climb the same ladder at
        // once (breach, then the agency-head alert), and both dispatchers race for the same outbox rows.
        var longAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60);
        await _first.WithDbAsync(db => db.Reports.ExecuteUpdateAsync(set => set.SetProperty(r => r.VerifyDueOn, longAgo)));

        var settled = await EventuallyAsync(TimeSpan.FromSeconds(30), () => _first.WithDbAsync(async db =>
            await db.Escalations.CountAsync() == 2 * Reports && !await db.OutboxMessages.AnyAsync(m => m.Channel == NotificationChannel.Email && m.SentAt == null)));
        Assert.True(settled, "The escalations were not raised and sent within 30 seconds.");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a few more rounds of both jobs, which must change nothing

        var escalations = await _first.WithDbAsync(db => db.Escalations.Select(e => new { e.ReportId, e.Rung }).ToListAsync());
        Assert.All(escalations.GroupBy(e => e.ReportId), ladder => Assert.Equal([EscalationRung.Breach, EscalationRung.AgencyHeadAlert], ladder.Select(e => e.Rung).Order()));
        var rows = await _first.WithDbAsync(db => db.OutboxMessages.Where(m => m.Channel == NotificationChannel.Email).Select(m => new { m.Recipient, m.Template, m.PayloadJson }).ToListAsync());
        Assert.Contains(rows, r => r.Template == "EscalationBreach");
        Assert.Equal(rows.Count, rows.Distinct().Count()); // one row per recipient and event…
        var mails = Directory.GetFiles(_first.MailPath, "*.eml");
        Assert.Equal(rows.Count, mails.Length); // …and one mail per row
    }

    [Fact]
    public async Task AChangeOnOne_ReachesTheOthersCachedCopies_AtOnce()
    {
        var world = await StaffWorld.CreateAsync(_first);
        var holiday = new DateOnly(2031, 3, 4); // a Tuesday
        Assert.True((await ScheduleAsync(_second)).Calendar.IsWorkingDay(holiday));
        Assert.Contains(await AgencyNamesAsync(_second), name => name == "Dinas A"); // both now cached on the second

        // Written behind the portal's back, without announcing it: the second keeps serving its copy (so it does cache).
        await _first.WithDbAsync(db => db.Agencies.Where(a => a.Id == world.AgencyA).ExecuteUpdateAsync(set => set.SetProperty(a => a.Name, "Dinas A Diam-diam")));
        Assert.Contains(await AgencyNamesAsync(_second), name => name == "Dinas A");

        // Changed through the first instance, as its admin pages do: save, then invalidate.
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
            db.Holidays.Add(new Holiday(holiday, "Hari Raya Nyepi", HolidayKind.National));
            await db.SaveChangesAsync();
            await db.Agencies.Where(a => a.Id == world.AgencyA).ExecuteUpdateAsync(set => set.SetProperty(a => a.Name, "Dinas A Baru"));
            await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().InvalidateAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        }

        Assert.False((await ScheduleAsync(_second)).Calendar.IsWorkingDay(holiday));
        Assert.Contains(await AgencyNamesAsync(_second), name => name == "Dinas A Baru");
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private static async Task<DeadlineSchedule> ScheduleAsync(LaporAppFactory instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
    }

    private static async Task<IEnumerable<string>> AgencyNamesAsync(LaporAppFactory instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ReferenceData>().AgenciesAsync(CancellationToken.None)).Select(a => a.Name);
    }

    private static async Task<bool> EventuallyAsync(TimeSpan timeout, Func<Task<bool>> condition)
    {
        for (var waited = TimeSpan.Zero; waited < timeout; waited += TimeSpan.FromMilliseconds(200))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static HttpClient Browser(LaporAppFactory app, CookieContainer cookies) =>
        app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

    /// <summary>An instance running every background service, on short intervals so they overlap often.</summary>
    private sealed class Instance(string root, bool ownsRoot, string redis) : LaporAppFactory(root, ownsRoot)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Cache:Provider", "Redis");
            builder.UseSetting("Cache:Redis", redis);
            builder.UseSetting("Mail:PollInterval", "00:00:00.150");
            builder.UseSetting("Deadlines:JobInterval", "00:00:00.200");
        }
    }
}
