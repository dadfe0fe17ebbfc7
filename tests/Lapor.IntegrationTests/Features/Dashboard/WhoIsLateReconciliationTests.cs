using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Dashboard;

/// <summary>
/// What "who is late now" shows on Wednesday 25 November 2026 — late stages per agency, each number's list,
/// readiness, idle OPDs and unclaimed work — against an independent recount of the rows in the database,
/// and who may see it.
/// </summary>
public sealed class WhoIsLateReconciliationTests(StoppedClockAppFactory app) : IClassFixture<StoppedClockAppFactory>
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private const string ReporterName = "Pelapor Rahasia Rekonsiliasi";

    private static readonly CultureInfo Indonesian = new("id");

    [Fact]
    public async Task OverdueTable_ReconcilesWithAnIndependentCount_AndEachLinkListsItsRows()
    {
        await StaffWorld.CreateAsync(app);
        await SeedLateAsync();
        await OctoberScenario.SeedAsync(app, await StaffWorld.CreateAsync(app));
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var expected = await RecountLateAsync();

        // The scenario has something late at every stage, and at more than one agency.
        Assert.True(expected.Verify.Count >= 3);
        Assert.True(expected.Shares.Select(s => s.Agency).Distinct().Count() >= 3);
        Assert.Contains(expected.Shares, s => s.Stage == "FirstResponse");
        Assert.Contains(expected.Shares, s => s.Stage == "Completion");

        // The dashboard's tab "who is late now" holds the table.
        var page = await coordinator.OpenAsync("/dashboard?Year=2026");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var now = await coordinator.OpenAsync(page.Document.QuerySelector("[data-testid=who-is-late-tab]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, now.Status);
        var table = now.Document.QuerySelector("[data-testid=overdue-table]")!;
        var shown = table.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(),
            r => (Verify: Cell(r, "Verify"), FirstResponse: Cell(r, "FirstResponse"), Completion: Cell(r, "Completion"), Total: Cell(r, "Total")));
        var recounted = expected.Shares.GroupBy(s => s.Agency)
            .ToDictionary(g => g.Key, g => (Verify: 0, FirstResponse: g.Count(s => s.Stage == "FirstResponse"), Completion: g.Count(s => s.Stage == "Completion"), Total: g.Count()));
        recounted["Koordinator (verifikasi)"] = (expected.Verify.Count, 0, 0, expected.Verify.Count);
        Assert.Equal(recounted.OrderBy(p => p.Key, StringComparer.Ordinal), shown.OrderBy(p => p.Key, StringComparer.Ordinal));
        var footer = table.QuerySelector("tfoot tr")!;
        Assert.Equal(expected.Verify.Count + expected.Shares.Count, Cell(footer, "Total"));

        // Each number opens the list behind it, with as many rows; every row's lateness is recounted too.
        var links = table.QuerySelectorAll("a").ToList();
        Assert.True(links.Count >= 7);
        foreach (var link in links)
        {
            var list = await coordinator.OpenAsync(link.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, list.Status);
            var rows = list.Document.QuerySelectorAll("[data-testid=overdue-list] tbody tr");
            Assert.Equal(int.Parse(link.TextContent, CultureInfo.InvariantCulture), rows.Length);
            var lateness = rows.Select(r => int.Parse(r.QuerySelectorAll("td")[5].TextContent, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(lateness.OrderByDescending(d => d), lateness); // most late first
        }

        var all = await coordinator.OpenAsync(footer.QuerySelector("[data-stage=Total] a")!.GetAttribute("href")!);
        var listed = all.Document.QuerySelectorAll("[data-testid=overdue-list] tbody tr")
            .Select(r => (Number: r.QuerySelectorAll("td")[0].TextContent.Trim(), Days: int.Parse(r.QuerySelectorAll("td")[5].TextContent, CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Number, StringComparer.Ordinal).ThenBy(r => r.Days).ToList();
        var recountedDays = expected.Verify.Select(v => (v.Number, v.Days)).Concat(expected.Shares.Select(s => (s.Number, s.Days)))
            .OrderBy(r => r.Number, StringComparer.Ordinal).ThenBy(r => r.Days).ToList();
        Assert.Equal(recountedDays, listed);

        // On time counts what is late now: three unverified reports past their day make verification less than 100 %.
        var stages = page.Document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Ketepatan waktu per tahap");
        var verifyRow = stages.QuerySelectorAll("tbody tr")[0];
        var verifiedOnTime = expected.Verified2026.Count(v => v);
        var share = (decimal)verifiedOnTime / (expected.Verified2026.Count + expected.Verify.Count(v => v.Filed.Year == 2026));
        Assert.True(share < 1);
        Assert.StartsWith(share.ToString("P1", Indonesian), verifyRow.QuerySelectorAll("td")[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(expected.Verify.Count(v => v.Filed.Year == 2026).ToString(CultureInfo.InvariantCulture), verifyRow.QuerySelectorAll("td")[1].TextContent.Trim());

        // The trend counts completions in the month they happened: the report filed in October and completed in November is November's.
        var trend = page.Document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Tren bulanan: laporan diterima dan selesai");
        var november = trend.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "November 2026");
        Assert.Equal(expected.CompletedInNovember.ToString(CultureInfo.InvariantCulture), november.QuerySelectorAll("td")[2].TextContent);
        Assert.Equal(expected.ReceivedInNovember.ToString(CultureInfo.InvariantCulture), november.QuerySelectorAll("td")[1].TextContent);
    }

    /// <summary>Unnarrowed, a coordinator over everything skips testing each open assignment's report; narrowed, the test stays.</summary>
    [Fact]
    public async Task OverdueTable_NarrowedToAChannel_CountsOnlyThatChannelsReports()
    {
        await StaffWorld.CreateAsync(app);
        await SeedLateAsync();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        static string[] Rows(IDocument page) =>
            [.. page.QuerySelectorAll("[data-testid=overdue-table] tbody tr").Select(r => r.TextContent.Trim())];
        var all = Rows((await coordinator.OpenAsync("/dashboard/siapa-terlambat")).Document);
        var web = Rows((await coordinator.OpenAsync("/dashboard/siapa-terlambat?Channel=Web")).Document);
        var sms = Rows((await coordinator.OpenAsync("/dashboard/siapa-terlambat?Channel=Sms")).Document);

        Assert.True(all.Length >= 2);
        Assert.Equal(all, web); // every late report here was filed on the web
        Assert.Empty(sms);
    }

    [Fact]
    public async Task Overseer_SeesTheOverdueListsAndWorkload_ReadOnly_WithoutReporterIdentities()
    {
        await StaffWorld.CreateAsync(app);
        await SeedLateAsync();
        var overseer = await Staff.SignInAsync(app, StaffWorld.Overseer);

        var page = await overseer.OpenAsync("/dashboard?Year=2026");
        var now = await overseer.OpenAsync("/dashboard/siapa-terlambat");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(HttpStatusCode.OK, now.Status);
        Assert.NotNull(now.Document.QuerySelector("[data-testid=workload]"));
        Assert.Empty(now.Document.QuerySelectorAll("main form[method=post], main button:not([type=submit])"));
        var links = now.Document.QuerySelectorAll("[data-testid=overdue-table] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        foreach (var href in links.Append(page.Document.QuerySelector("a[href*='Ageing=2']")!.GetAttribute("href")!))
        {
            var list = await overseer.OpenAsync(href);
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.NotEmpty(list.Document.QuerySelectorAll("main tbody tr"));
            Assert.DoesNotContain(ReporterName, list.Html, StringComparison.Ordinal);
            Assert.Empty(list.Document.QuerySelectorAll("main form, main button"));
        }

        // The named, the confidential and the anonymous report are all in the verification list, none with its reporter.
        var verification = await overseer.OpenAsync("/dashboard/terlambat?Stage=Verify");
        foreach (var title in new[] { "Telat bernama", "Telat rahasia", "Telat anonim" })
        {
            Assert.Contains(title, verification.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(ReporterName, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReporterName, now.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReporterName, verification.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyHead_SeesOnlyTheirAgencysLateShares()
    {
        var world = await StaffWorld.CreateAsync(app);
        await SeedLateAsync();
        var head = await Staff.SignInAsync(app, StaffWorld.HeadA);

        var list = await head.OpenAsync("/dashboard/terlambat");
        var agencies = list.Document.QuerySelectorAll("[data-testid=overdue-list] tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()).ToList();
        var table = (await head.OpenAsync("/dashboard/siapa-terlambat")).Document.QuerySelectorAll("[data-testid=overdue-table] tbody th").Select(t => t.TextContent.Trim()).ToList();
        var otherAgency = await head.OpenAsync($"/dashboard/terlambat?AgencyId={world.AgencyB}");
        var verification = await head.OpenAsync("/dashboard/terlambat?Stage=Verify");

        Assert.NotEmpty(agencies);
        Assert.All(agencies, a => Assert.Equal(StaffWorld.AgencyAName, a));
        Assert.Equal([StaffWorld.AgencyAName], table);
        Assert.Empty(otherAgency.Document.QuerySelectorAll("[data-testid=overdue-list] tbody tr"));
        Assert.Empty(verification.Document.QuerySelectorAll("[data-testid=overdue-list] tbody tr"));
    }

    [Fact]
    public async Task WhoIsLate_NamesTheOpdsNobodyWorks_AndReconcilesReadinessAndUnclaimedWork()
    {
        var world = await StaffWorld.CreateAsync(app);
        await SeedLateAsync();
        var idleAgency = await SeedUnstaffedAgencyAsync(world);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        // Dinas B's officer last signed in 40 days ago; A's and A1's this week.
        await app.WithDbAsync(async db =>
        {
            foreach (var (email, daysAgo) in new[] { (StaffWorld.OfficerB, 40), (StaffWorld.OfficerA, 1), (StaffWorld.OfficerA1, 2) })
            {
                var at = StoppedClockAppFactory.Now.AddDays(-daysAgo);
                await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, at));
            }
        });

        var page = await coordinator.OpenAsync("/dashboard/siapa-terlambat");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var idle = page.Document.QuerySelectorAll("[data-testid=idle-agencies] tbody tr")
            .ToDictionary(r => r.QuerySelectorAll("td")[0].TextContent.Trim(), r => r.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal(new Dictionary<string, string> { [StaffWorld.AgencyBName] = "16 Okt 2026", [idleAgency] = "Tidak ada petugas aktif" }, idle);

        // Recounted from the rows: OPDs and sub-units under the region, those with an active officer, those whose officers signed in within 30 days.
        var expected = await app.WithDbAsync(async db =>
        {
            var agencies = await db.Agencies.Select(a => new { a.Id, a.ParentId, a.Kind, a.IsActive }).ToListAsync();
            var under = new HashSet<int> { world.Region };
            for (var grew = true; grew;)
            {
                grew = agencies.Where(a => a.ParentId is { } parent && under.Contains(parent)).Aggregate(false, (g, a) => under.Add(a.Id) || g);
            }

            var opds = agencies.Where(a => under.Contains(a.Id) && a.IsActive && a.Kind is Lapor.Web.Domain.Agencies.AgencyKind.Opd or Lapor.Web.Domain.Agencies.AgencyKind.SubUnit).Select(a => a.Id).ToList();
            var officerRole = await db.Roles.Where(r => r.Name == "Officer").Select(r => r.Id).SingleAsync();
            var officers = await (from m in db.AgencyMemberships
                                  join u in db.Users on m.UserId equals u.Id
                                  where !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == officerRole)
                                  select new { m.AgencyId, u.LastSignInAt }).ToListAsync();
            var since = StoppedClockAppFactory.Now.AddDays(-30);
            var open = (await db.Assignments.Where(a => a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress || a.State == AssignmentState.AwaitingReporter
                    || a.State == AssignmentState.AwaitingValidation || a.State == AssignmentState.FinalResponded)
                .Select(a => new { a.AgencyId, a.OfficerUserId }).ToListAsync()).Where(a => under.Contains(a.AgencyId)).ToList();
            return (Connected: (decimal)opds.Count(id => officers.Any(o => o.AgencyId == id)) / opds.Count,
                Active: (decimal)opds.Count(id => officers.Any(o => o.AgencyId == id && o.LastSignInAt >= since)) / opds.Count,
                Unstaffed: open.Count(a => !officers.Any(o => o.AgencyId == a.AgencyId)),
                Unclaimed: open.Count(a => a.OfficerUserId == null));
        });
        Assert.Equal(expected.Connected.ToString("P1", Indonesian), DashboardCards.Card(page, "Instansi terhubung"));
        Assert.Equal(expected.Active.ToString("P1", Indonesian), DashboardCards.Card(page, "Petugas aktif (30 hari)"));
        Assert.Equal(1, expected.Unstaffed);
        Assert.Equal("1", page.Document.QuerySelector("[data-testid=unstaffed-work]")!.TextContent.Trim());
        Assert.Contains($"{expected.Unclaimed} laporan terbuka belum ditangani", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffWorld.OfficerA)]
    [InlineData(StaffWorld.CitizenX)]
    public async Task OverdueList_OfficerOrCitizen_IsRefused(string email)
    {
        await StaffWorld.CreateAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, email)).OpenAsync("/dashboard/terlambat")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().GetAsync("/dashboard/terlambat?Stage=Verify")).StatusCode);
    }

    private static int Cell(IElement row, string stage) => int.Parse(row.QuerySelector($"[data-stage={stage}]")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    private sealed record LateVerify(string Number, DateOnly Filed, int Days);

    private sealed record LateShare(string Number, string Agency, string Stage, int Days);

    private sealed record Recount(List<LateVerify> Verify, List<LateShare> Shares, List<bool> Verified2026, int ReceivedInNovember, int CompletedInNovember);

    /// <summary>What is late on <see cref="Today"/>, from the rows: a stage whose due day is before today, still running (not paused, not answered, not done).</summary>
    private Task<Recount> RecountLateAsync() => app.WithDbAsync(async db =>
    {
        var holidays = (await db.Holidays.Select(h => h.Date).ToListAsync()).ToHashSet();
        int WorkingDaysAfter(DateOnly due)
        {
            var days = 0;
            for (var d = due.AddDays(1); d <= Today; d = d.AddDays(1))
            {
                days += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(d) ? 0 : 1;
            }

            return days;
        }

        var names = await db.Agencies.ToDictionaryAsync(a => a.Id, a => a.Name);
        var reports = await db.Reports.Select(r => new { r.TrackingNumber, r.Status, r.VerifyDueOn, r.SubmittedAt, r.VerifiedOnTime, r.VerifyWorkingDays, r.CompletedAt }).ToListAsync();
        var shares = await db.Assignments.Select(a => new { a.Report!.TrackingNumber, a.AgencyId, a.State, a.PausedAt, a.FirstRespondedAt, a.FirstResponseDueOn, a.CompletionDueOn }).ToListAsync();
        var wib = TimeSpan.FromHours(7);
        DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(wib).DateTime);

        var verify = reports.Where(r => r.Status == ReportStatus.Unverified && r.VerifyDueOn < Today)
            .Select(r => new LateVerify(r.TrackingNumber, Local(r.SubmittedAt), WorkingDaysAfter(r.VerifyDueOn!.Value))).ToList();
        var running = shares.Where(a => (a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress) && a.PausedAt == null).ToList();
        var late = running.Where(a => a.FirstRespondedAt == null && a.FirstResponseDueOn < Today)
            .Select(a => new LateShare(a.TrackingNumber, names[a.AgencyId], "FirstResponse", WorkingDaysAfter(a.FirstResponseDueOn)))
            .Concat(running.Where(a => a.CompletionDueOn < Today).Select(a => new LateShare(a.TrackingNumber, names[a.AgencyId], "Completion", WorkingDaysAfter(a.CompletionDueOn))))
            .ToList();
        var verified = reports.Where(r => Local(r.SubmittedAt).Year == 2026 && r.VerifyWorkingDays != null).Select(r => r.VerifiedOnTime == true).ToList();
        return new Recount(verify, late, verified,
            reports.Count(r => Local(r.SubmittedAt) is { Year: 2026, Month: 11 }),
            reports.Count(r => r.Status == ReportStatus.Completed && r.CompletedAt is { } at && Local(at) is { Year: 2026, Month: 11 }));
    });

    /// <summary>
    /// Reports late now at every stage and agency, some finished late, some on time, one paused (never late), all
    /// with a named reporter; "now" is 25 November 2026. None is filed in October, the month the first test reconciles.
    /// </summary>
    private async Task SeedLateAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Reports.AnyAsync(r => r.Title.StartsWith("Telat")))
        {
            return;
        }

        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var coordinator = new Actor(null, ActorRole.Coordinator);
        Actor Officer(int agency) => Actor.Officer(null!, [agency]);
        DateTimeOffset On(int month, int day) => new(2026, month, day, 2, 0, 0, TimeSpan.Zero);
        Report File(string title, DateTimeOffset at, bool anonymous = false, bool confidential = false)
        {
            var report = Report.Submit(new ReportDraft(Classification.Complaint, title, "Isi laporan uji keterlambatan.", null, null, null, null, null, null, anonymous, confidential),
                Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, at);
            db.Reports.Add(report);
            db.ReporterIdentities.Add(new ReporterIdentity(report, ReporterName, "pelapor.rahasia@contoh.id", "081200000000"));
            return report;
        }

        // Verification: three late (named, confidential, anonymous), one within its days.
        File("Telat bernama", On(9, 1));
        File("Telat rahasia", On(11, 2), confidential: true);
        File("Telat anonim", On(11, 16), anonymous: true);
        File("Telat belum jatuh tempo", On(11, 24));

        // Agency A: verified late, first response late now.
        File("Telat jawaban A", On(11, 2)).Verify(coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, schedule, On(11, 12));

        // Agency A1: answered in time, completion late now.
        var a1 = File("Telat selesai A1", On(9, 28));
        a1.Verify(coordinator, [world.AgencyA1], ComplaintKind.Ordinary, null, null, schedule, On(9, 29));
        a1.Respond(Officer(world.AgencyA1), "Ditangani", MessageVisibility.Public, schedule, On(9, 30));

        // Agency B: nothing done, both stages late now.
        File("Telat semua B", On(9, 1)).Verify(coordinator, [world.AgencyB], ComplaintKind.Ordinary, null, null, schedule, On(9, 2));

        // Finished late and finished on time: neither is late now.
        var lateDone = File("Telat tuntas B", On(9, 7));
        lateDone.Verify(coordinator, [world.AgencyB], ComplaintKind.Ordinary, null, null, schedule, On(9, 7).AddHours(1));
        lateDone.RespondFinal(Officer(world.AgencyB), "Selesai", MessageVisibility.Public, schedule, On(11, 2));
        lateDone.Accept(Actor.Guest, schedule, On(11, 3));
        var onTime = File("Telat? tidak, tepat A", On(11, 9));
        onTime.Verify(coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, schedule, On(11, 9).AddHours(1));
        onTime.RespondFinal(Officer(world.AgencyA), "Selesai", MessageVisibility.Public, schedule, On(11, 10));
        onTime.Accept(Actor.Guest, schedule, On(11, 11));

        // Waiting on the reporter: the clock is paused, so never late.
        var paused = File("Telat jeda A", On(9, 1));
        paused.Verify(coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, schedule, On(9, 1).AddHours(1));
        paused.RequestInformation(Officer(world.AgencyA), "Mohon foto lokasi", On(9, 2));

        // Two agencies on one report: A answered (completion late), B silent (both late).
        var shared = File("Telat bersama A B", On(11, 3));
        shared.Verify(coordinator, [world.AgencyA, world.AgencyB], ComplaintKind.Ordinary, null, null, schedule, On(11, 3).AddHours(1));
        shared.Respond(Officer(world.AgencyA), "Ditangani", MessageVisibility.Public, schedule, On(11, 4));
        await db.SaveChangesAsync();
    }

    /// <summary>An OPD without any officer, with one report routed to it (work nobody can see). Returns its name.</summary>
    private async Task<string> SeedUnstaffedAgencyAsync(StaffWorld world)
    {
        const string name = "Dinas Tanpa Petugas";
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Agencies.AnyAsync(a => a.Name == name))
        {
            return name;
        }

        var agency = new Lapor.Web.Domain.Agencies.Agency(name, "UJI-TP", Lapor.Web.Domain.Agencies.AgencyKind.Opd, world.Region);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<Lapor.Web.Infrastructure.Caching.ReferenceData>().InvalidateAsync(CancellationToken.None);

        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var at = StoppedClockAppFactory.Now.AddDays(-1);
        var report = Report.Submit(new ReportDraft(Classification.Complaint, "Tanpa petugas", "Isi laporan uji instansi tanpa petugas.", null, null, null, null, null, null, false, false),
            Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, at);
        report.Verify(new Actor(null, ActorRole.Coordinator), [agency.Id], ComplaintKind.Ordinary, null, null, schedule, at.AddHours(1));
        db.Reports.Add(report);
        db.ReporterIdentities.Add(new ReporterIdentity(report, "Uji", null, null));
        await db.SaveChangesAsync();
        return name;
    }
}
