using System.Globalization;
using Lapor.IntegrationTests.Features.Dashboard;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>
/// The coordinator's queue narrowed like the inbox (category, channel, agency aimed at, age in working days), the
/// narrowing kept in the links between tabs, and the Escalated tab naming the agency responsible and how late it is,
/// on a clock stopped on 25 November 2026.
/// </summary>
public sealed class CoordinatorQueueFilterTests(StoppedClockAppFactory app) : IClassFixture<StoppedClockAppFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task NewTab_NarrowsByCategoryChannelTargetAndAge_AndTabLinksKeepTheNarrowing()
    {
        var world = await StaffWorld.CreateAsync(app);
        var category = await CategoryAsync();
        var (recent, old) = await SeedAsync((db, schedule) =>
        {
            var r1 = File(db, schedule, "Antrean baru web A", Channel.Web, world.AgencyA, null, new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
            var r2 = File(db, schedule, "Antrean lama SMS B", Channel.Sms, world.AgencyB, category, new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero));
            return (r1.TrackingNumber, r2.TrackingNumber);
        });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        async Task<(bool Recent, bool Old)> ListedAsync(string query)
        {
            var text = (await coordinator.OpenAsync("/inbox?Tab=New&" + query)).Text;
            return (text.Contains(recent, StringComparison.Ordinal), text.Contains(old, StringComparison.Ordinal));
        }

        Assert.Equal((true, true), await ListedAsync(""));
        Assert.Equal((false, true), await ListedAsync("Channel=Sms"));
        Assert.Equal((false, true), await ListedAsync($"CategoryId={Id(category)}"));
        Assert.Equal((true, false), await ListedAsync($"TargetAgencyId={Id(world.AgencyA)}"));
        Assert.Equal((false, true), await ListedAsync("OlderThan=10"));
        Assert.Equal((true, true), await ListedAsync("OlderThan=0"));
        Assert.Equal((false, false), await ListedAsync($"OlderThan=10&TargetAgencyId={Id(world.AgencyA)}"));

        var page = await coordinator.OpenAsync($"/inbox?Tab=New&Channel=Sms&OlderThan=10&TargetAgencyId={Id(world.AgencyB)}");
        var escalatedTab = page.Document.QuerySelectorAll("nav a.nav-link").Single(a => a.GetAttribute("href")!.Contains("Tab=Escalated", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Contains("Channel=Sms", escalatedTab, StringComparison.Ordinal);
        Assert.Contains("OlderThan=10", escalatedTab, StringComparison.Ordinal);
        Assert.Contains($"TargetAgencyId={Id(world.AgencyB)}", escalatedTab, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalatedTab_NamesTheResponsibleAgency_AndHowManyWorkingDaysLate()
    {
        var world = await StaffWorld.CreateAsync(app);
        var report = await SeedAsync((db, schedule) =>
        {
            var report = File(db, schedule, "Antrean eskalasi B", Channel.Web, null, null, new DateTimeOffset(2026, 9, 1, 2, 0, 0, TimeSpan.Zero));
            report.Verify(new Actor(null, ActorRole.Coordinator), [world.AgencyB], ComplaintKind.Ordinary, null, null, schedule, new DateTimeOffset(2026, 9, 1, 3, 0, 0, TimeSpan.Zero));
            return report;
        });
        var (number, dueOn) = (report.TrackingNumber, report.Assignments.Single().FirstResponseDueOn);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.DeadlineJobAt(StoppedClockAppFactory.Now).RunOnceAsync(CancellationToken.None);
        }

        // Independently: working days from the first-response due day (the earlier one) to 25 November.
        var holidays = await app.WithDbAsync(async db => (await db.Holidays.Select(h => h.Date).ToListAsync()).ToHashSet());
        var late = 0;
        for (var d = dueOn.AddDays(1); d <= new DateOnly(2026, 11, 25); d = d.AddDays(1))
        {
            late += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(d) ? 0 : 1;
        }

        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var page = await coordinator.OpenAsync("/inbox?Tab=Escalated");
        var row = page.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(number, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td");

        Assert.Equal(StaffWorld.AgencyBName, cells[4].TextContent.Trim());
        Assert.Equal($"terlambat {late} hari kerja", cells[5].TextContent.Trim());
        Assert.True(late > 40);
    }

    /// <summary>Adds reports through the domain's own methods with the app's schedule, and saves them.</summary>
    private async Task<T> SeedAsync<T>(Func<LaporDbContext, Lapor.Web.Domain.Deadlines.DeadlineSchedule, T> seed)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var result = seed(db, schedule);
        await db.SaveChangesAsync();
        return result;
    }

    private static Report File(LaporDbContext db, Lapor.Web.Domain.Deadlines.DeadlineSchedule schedule, string title, Channel channel, int? target, int? category, DateTimeOffset at)
    {
        var report = Report.Submit(new ReportDraft(Classification.Complaint, title, "Isi laporan uji antrean.", null, null, null, null, category, target, false, false),
            Actor.Guest, channel, Guid.NewGuid(), null, schedule, at);
        db.Reports.Add(report);
        return report;
    }

    private async Task<int> CategoryAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var category = new Category("Antrean Kategori Uji", "Queue test category");
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        return category.Id;
    }
}
