using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.ReportWork;

/// <summary>
/// A working day across every role, through the real forms: a report goes to two agencies (one
/// without officer), is re-routed, asked about, delegated, answered, refused at validation, answered
/// again, validated, accepted, reopened and completed — with the status, due dates, history and the
/// exact messages each person received checked along the way. Then the three holes the walk-through
/// found, each on its own.
/// </summary>
public sealed class WorkingDayTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task AWholeDay_EveryRole_NothingStrandedAndEveryoneToldOnce()
    {
        var world = await StaffWorld.CreateAsync(app);
        var unstaffed = await AgencyWithoutOfficerAsync(world, "UJI-D1");
        await FollowUpValidationAsync(true);
        const string reporterEmail = "warga.sehari@contoh.id";
        var citizen = app.CreateBrowser();
        var (number, code) = await Citizen.FileAndConfirmAsync(citizen, fields: new Dictionary<string, string> { ["Form.ReporterEmail"] = reporterEmail });
        var reporter = await Citizen.UnlockAsync(app, number, code!);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officerA = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var officerA1 = await Staff.SignInAsync(app, StaffWorld.OfficerA1);
        var officerB = await Staff.SignInAsync(app, StaffWorld.OfficerB);
        var overseer = await Staff.SignInAsync(app, StaffWorld.Overseer);
        var mail = new Inboxes(app, number, reporterEmail);

        // Morning: the coordinator routes to Dinas A and to an agency nobody works for.
        await Ok(coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("AgencyIds", Id(unstaffed))));
        Assert.Equal(ReportStatus.Dispositioned, await StatusAsync(number));
        // The coordinator who routed it saw the warning and is not mailed about their own step; other coordinators would be.
        await mail.ExpectAsync(
            (reporterEmail, ["FilingConfirmation", "Verified"]),
            (StaffWorld.OfficerA, ["NewDisposition"]));

        // The unstaffed share is raised in the coordinator's queue and on the dashboard; the coordinator re-routes it to Dinas B with a reason.
        var unstaffedTab = await coordinator.OpenAsync("/inbox?Tab=Unstaffed");
        Assert.Contains(number, unstaffedTab.Text, StringComparison.Ordinal);
        Assert.Contains("Dinas Tanpa Petugas UJI-D1", unstaffedTab.Text, StringComparison.Ordinal);
        await Ok(coordinator.ActAsync(number, "alihkan", ("AgencyId", Id(unstaffed)), ("ToAgencyId", Id(world.AgencyB)), ("Text", "Dinas D1 belum punya petugas; jalan kabupaten urusan Dinas B.")));
        await mail.ExpectAsync((StaffWorld.OfficerB, ["NewDisposition"]));
        Assert.DoesNotContain(number, (await coordinator.OpenAsync("/inbox?Tab=Unstaffed")).Text, StringComparison.Ordinal);

        // Dinas A asks the reporter, then hands the work to its sub-unit A1 before the answer comes.
        await Ok(officerA.ActAsync(number, "minta-keterangan", ("Text", "Di sisi jalan sebelah mana lubangnya?")));
        await Ok(officerA.ActAsync(number, "teruskan", ("ToAgencyId", Id(world.AgencyA1)), ("Text", "Ditangani Bidang A1.")));
        Assert.Equal(ReportStatus.InProgress, await StatusAsync(number));
        await mail.ExpectAsync((reporterEmail, ["InformationRequested"]), (StaffWorld.OfficerA1, ["NewDisposition"]));

        // The question is still answerable; the answer reaches the agency that now holds the question, not the one that did not ask.
        var track = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        Assert.NotNull(track.Document.QuerySelector($"form[action='/lacak/{number}/informasi']"));
        await Ok(reporter.PostAsync($"/lacak/{number}/informasi", await Citizen.TrackFormAsync(reporter, number, ("Text", "Sisi kiri, depan toko bangunan."))));
        await mail.ExpectAsync((StaffWorld.OfficerA1, ["ReporterAnswered"]));

        // A1's final response waits for validation; the coordinator refuses it, A1 answers again, it is validated.
        // Until validated, the answer is the staff's alone; a refused one never reaches the reporter or the public.
        await Ok(officerA1.ActAsync(number, "tindak-lanjut-akhir", ("Text", "Sudah ditinjau."), ("Public", "true")));
        await mail.ExpectAsync((StaffWorld.Coordinator, ["AwaitingValidation"]));
        Assert.DoesNotContain("Sudah ditinjau.", (await HtmlPage.GetAsync(reporter, $"/lacak/{number}")).Text, StringComparison.Ordinal);
        var publicPage = await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan/{number}");
        Assert.DoesNotContain("Sudah ditinjau.", publicPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(TimelineOf(publicPage), line => line.Contains("Tindak lanjut akhir", StringComparison.Ordinal));
        await Ok(coordinator.ActAsync(number, "tolak-tindak-lanjut", ("AgencyId", Id(world.AgencyA1)), ("Text", "Belum ada perbaikan, hanya peninjauan.")));
        await mail.ExpectAsync((StaffWorld.OfficerA1, ["FollowUpRefused"]));
        await Ok(officerA1.ActAsync(number, "tindak-lanjut-akhir", ("Text", "Lubang sudah ditambal dengan aspal."), ("Public", "true")));
        await Ok(overseer.ActAsync(number, "validasi", ("AgencyId", Id(world.AgencyA1))));
        await Ok(officerB.ActAsync(number, "tindak-lanjut-akhir", ("Text", "Marka jalan sudah dicat ulang."), ("Public", "true")));
        await Ok(coordinator.ActAsync(number, "validasi", ("AgencyId", Id(world.AgencyB))));
        await mail.ExpectAsync(
            (StaffWorld.Coordinator, ["AwaitingValidation", "AwaitingValidation"]),
            (reporterEmail, ["FinalResponse", "FinalResponse"]));
        var validated = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        Assert.Contains("Lubang sudah ditambal dengan aspal.", validated.Text, StringComparison.Ordinal);
        Assert.Single(TimelineOf(validated), line => line.Contains("Tindak lanjut akhir dari Bidang A1", StringComparison.Ordinal));
        Assert.DoesNotContain(TimelineOf(validated), line => line.Contains("ditolak", StringComparison.Ordinal));
        Assert.DoesNotContain("Sudah ditinjau.", validated.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sudah ditinjau.", (await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan/{number}")).Text, StringComparison.Ordinal);
        Assert.Contains("Laporan baru untuk Dinas B", (await officerB.OpenAsync("/notifikasi")).Text, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Assignments.Where(a => a.AgencyId == world.AgencyA1 && db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number))
            .Select(a => a.ValidationRefusals).SingleAsync()));

        // The reporter accepts: completed.
        await Ok(reporter.PostAsync($"/lacak/{number}/puas", await Citizen.TrackFormAsync(reporter, number, ("Rating", "4"))));
        Assert.Equal(ReportStatus.Completed, await StatusAsync(number));
        await mail.ExpectAsync((reporterEmail, ["Completed"]));

        // The coordinator reopens it: the clocks start again from today, and the next job run sends no late mail.
        await Ok(coordinator.ActAsync(number, "buka-kembali", ("Text", "Lubang muncul lagi setelah hujan.")));
        Assert.Equal(ReportStatus.InProgress, await StatusAsync(number));
        var schedule = await ScheduleAsync();
        var now = DateTimeOffset.UtcNow;
        var dues = await DueDatesAsync(number);
        Assert.All(dues, d => Assert.Equal(schedule.DueAfter(now, schedule.Policy.OrdinaryComplaintDays), d.Completion));
        await RunDeadlineJobAsync(now.AddMinutes(1));
        await mail.ExpectAsync((reporterEmail, ["Reopened"]), (StaffWorld.OfficerA1, ["WorkReopened"]), (StaffWorld.OfficerB, ["WorkReopened"]));

        // Both agencies answer again, the coordinator validates, the reporter accepts: completed for good.
        await Ok(officerA1.ActAsync(number, "tindak-lanjut-akhir", ("Text", "Ditambal ulang dengan lapisan baru."), ("Public", "true")));
        await Ok(officerB.ActAsync(number, "tindak-lanjut-akhir", ("Text", "Tidak ada pekerjaan tambahan untuk Dinas B."), ("Public", "true")));
        await Ok(coordinator.ActAsync(number, "validasi", ("AgencyId", Id(world.AgencyA1))));
        await Ok(coordinator.ActAsync(number, "validasi", ("AgencyId", Id(world.AgencyB))));
        await Ok(reporter.PostAsync($"/lacak/{number}/puas", await Citizen.TrackFormAsync(reporter, number)));
        Assert.Equal(ReportStatus.Completed, await StatusAsync(number));
        await mail.ExpectAsync(
            (StaffWorld.Coordinator, ["AwaitingValidation", "AwaitingValidation"]),
            (reporterEmail, ["FinalResponse", "FinalResponse", "Completed"]));

        // Nobody else heard anything, and the history reads as sentences, in order.
        await mail.ExpectNoOthersAsync();
        var history = (await coordinator.OpenAsync($"/inbox/{number}")).Document.QuerySelectorAll(".timeline-item").Select(i => i.TextContent).ToList();
        Assert.DoesNotContain(history, line => line.Contains("Verify.", StringComparison.Ordinal) || line.Contains("Reroute", StringComparison.Ordinal));
        Assert.Single(history, line => line.Contains("Dialihkan", StringComparison.Ordinal)
            && line.Contains("Dinas Tanpa Petugas UJI-D1", StringComparison.Ordinal) && line.Contains("Dinas B", StringComparison.Ordinal)
            && line.Contains("Dinas D1 belum punya petugas", StringComparison.Ordinal));
        Assert.Contains(history, line => line.Contains("Bidang A1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HoleA_QuestionThenDelegation_QuestionStaysAnswerable_StatusHolds_DelegatingAgencyKeepsNotes()
    {
        var world = await StaffWorld.CreateAsync(app);
        await FollowUpValidationAsync(false);
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.ReporterEmail"] = "warga.a@contoh.id" });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officerA = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await Ok(coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA))));
        await Ok(officerA.ActAsync(number, "minta-keterangan", ("Text", "Nomor rumah terdekat?")));

        await Ok(officerA.ActAsync(number, "teruskan", ("ToAgencyId", Id(world.AgencyA1)), ("Text", "Bidang A1")));

        Assert.Equal(ReportStatus.InProgress, await StatusAsync(number));
        var reporter = await Citizen.UnlockAsync(app, number, code!);
        await Ok(reporter.PostAsync($"/lacak/{number}/informasi", await Citizen.TrackFormAsync(reporter, number, ("Text", "Nomor 12."))));
        Assert.Equal(AssignmentState.InProgress, await app.WithDbAsync(db => db.Assignments
            .Where(a => a.AgencyId == world.AgencyA1 && db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).Select(a => a.State).SingleAsync()));
        await Ok(officerA.ActAsync(number, "catatan", ("Text", "Catatan Dinas A setelah didelegasikan.")));
        Assert.Contains("Catatan Dinas A setelah didelegasikan.", (await officerA.OpenAsync($"/inbox/{number}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoleB_ReopeningALongCompletedReport_RestartsTheClocks_NoLateMails()
    {
        var world = await StaffWorld.CreateAsync(app);
        await FollowUpValidationAsync(false);
        var number = await StoredReportAsync(world.AgencyA, daysAgo: 60, complete: true);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        await Ok(coordinator.ActAsync(number, "buka-kembali", ("Text", "Warga melapor lubang muncul lagi.")));
        var now = DateTimeOffset.UtcNow;
        await RunDeadlineJobAsync(now.AddMinutes(1));

        var schedule = await ScheduleAsync();
        var due = Assert.Single(await DueDatesAsync(number));
        Assert.Equal(schedule.DueAfter(now, schedule.Policy.FirstResponseDays), due.FirstResponse);
        Assert.Equal(schedule.DueAfter(now, schedule.Policy.OrdinaryComplaintDays), due.Completion);
        Assert.False(due.Overdue);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Template.StartsWith("Escalation") && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number))));
    }

    [Fact]
    public async Task HoleC_ReturnedReport_VerificationClockRestarts_ReasonOnTop_ReturningAgencyNotPreselected()
    {
        var world = await StaffWorld.CreateAsync(app);
        var number = await StoredReportAsync(world.AgencyA, daysAgo: 20, complete: false, target: world.AgencyA);
        var officerA = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        await Ok(officerA.ActAsync(number, "kembalikan", ("Text", "Jalan provinsi, bukan kewenangan kami.")));
        var now = DateTimeOffset.UtcNow;
        await RunDeadlineJobAsync(now.AddMinutes(1));

        var schedule = await ScheduleAsync();
        Assert.Equal(schedule.DueAfter(now, schedule.Policy.VerifyDays), await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.VerifyDueOn).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Escalations.CountAsync(e => e.Deadline == Deadline.Verify && db.Reports.Any(r => r.Id == e.ReportId && r.TrackingNumber == number))));
        var page = await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync($"/inbox/{number}");
        var alert = page.Document.QuerySelector("main .alert-warning, .alert-warning")!.TextContent;
        Assert.Contains("Dinas A", alert, StringComparison.Ordinal);
        Assert.Contains("Jalan provinsi, bukan kewenangan kami.", alert, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("#verify-agencies input[checked]"));
    }

    [Fact]
    public async Task WithdrawingTheLastOpenAgency_CompletesTheReport_AndTheReporterHears()
    {
        var world = await StaffWorld.CreateAsync(app);
        await FollowUpValidationAsync(false);
        const string reporterEmail = "warga.tarik@contoh.id";
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.ReporterEmail"] = reporterEmail });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await Ok(coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("AgencyIds", Id(world.AgencyB))));
        await Ok((await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(number, "tindak-lanjut-akhir", ("Text", "Sudah diperbaiki."), ("Public", "true")));
        var reporter = await Citizen.UnlockAsync(app, number, code!);
        await Ok(reporter.PostAsync($"/lacak/{number}/puas", await Citizen.TrackFormAsync(reporter, number)));
        var mail = new Inboxes(app, number, reporterEmail);
        await mail.ExpectAsync(
            (reporterEmail, ["FilingConfirmation", "Verified", "FinalResponse"]),
            (StaffWorld.OfficerA, ["NewDisposition"]),
            (StaffWorld.OfficerB, ["NewDisposition"]));

        await Ok(coordinator.ActAsync(number, "tarik-instansi", ("AgencyId", Id(world.AgencyB)), ("Text", "Dinas B tidak terkait.")));

        Assert.Equal(ReportStatus.Completed, await StatusAsync(number));
        Assert.False(await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.IsReturned).SingleAsync()));
        await mail.ExpectAsync((reporterEmail, ["Completed"]), (StaffWorld.OfficerB, ["Withdrawn"]));
    }

    private static List<string> TimelineOf(HtmlPage page) => [.. page.Document.QuerySelectorAll(".timeline-item").Select(i => i.TextContent)];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task Ok(Task<HttpResponseMessage> action)
    {
        var response = await action;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<ReportStatus> StatusAsync(string number) =>
        app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync());

    private Task<List<(DateOnly FirstResponse, DateOnly Completion, bool Overdue)>> DueDatesAsync(string number) => app.WithDbAsync(async db =>
        (await db.Assignments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number) && a.State == AssignmentState.InProgress)
            .Select(a => new { a.FirstResponseDueOn, a.CompletionDueOn, a.IsOverdue }).ToListAsync())
        .Select(a => (a.FirstResponseDueOn, a.CompletionDueOn, a.IsOverdue)).ToList());

    private async Task<DeadlineSchedule> ScheduleAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
    }

    private async Task RunDeadlineJobAsync(DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.DeadlineJobAt(now).RunOnceAsync(CancellationToken.None);
    }

    private async Task FollowUpValidationAsync(bool on)
    {
        await app.WithDbAsync(async db =>
        {
            var policy = await db.DeadlinePolicies.FirstOrDefaultAsync();
            if (policy is null)
            {
                policy = DeadlinePolicy.Default;
                db.DeadlinePolicies.Add(policy);
            }

            policy.SetFollowUpValidation(on);
            await db.SaveChangesAsync();
        });
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().InvalidateAsync(CancellationToken.None);
    }

    private async Task<int> AgencyWithoutOfficerAsync(StaffWorld world, string code)
    {
        var id = await app.WithDbAsync(async db =>
        {
            var agency = new Agency($"Dinas Tanpa Petugas {code}", code, AgencyKind.Opd, world.Region);
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            return agency.Id;
        });
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        return id;
    }

    /// <summary>A report filed and routed <paramref name="daysAgo"/> days back (its due dates long past), completed or returned-ready.</summary>
    private Task<string> StoredReportAsync(int agencyId, int daysAgo, bool complete, int? target = null) => app.WithDbAsync(async db =>
    {
        var schedule = await ScheduleAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        var report = Report.Submit(new ReportDraft(Classification.Complaint, "Jalan rusak lama", "Jalan rusak sejak lama.", null, null, null, null, null, target, false, false),
            Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, at);
        report.Verify(StoredReports.Coordinator, [agencyId], ComplaintKind.Ordinary, null, null, schedule, at.AddHours(1));
        if (complete)
        {
            report.RespondFinal(Actor.Officer(null!, [agencyId]), "Sudah diperbaiki.", MessageVisibility.Public, schedule, at.AddDays(2));
            report.Accept(Actor.Guest, schedule, at.AddDays(3));
        }

        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report.TrackingNumber;
    });

    /// <summary>The messages each person received about one report, read from the outbox in order; each check consumes what it expected.</summary>
    private sealed class Inboxes(LaporAppFactory app, string number, string reporterEmail)
    {
        private long _seen;

        public async Task ExpectAsync(params (string Person, string[] Templates)[] expected)
        {
            var received = await NewAsync();
            var byPerson = received.GroupBy(m => m.Recipient, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(m => m.Template).ToList(), StringComparer.OrdinalIgnoreCase);
            var wanted = expected.ToDictionary(e => e.Person, e => e.Templates.ToList(), StringComparer.OrdinalIgnoreCase);
            Assert.Equal(
                string.Join("; ", wanted.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {string.Join(",", p.Value)}")),
                string.Join("; ", byPerson.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {string.Join(",", p.Value)}")));
        }

        public async Task ExpectNoOthersAsync() => Assert.Empty(await NewAsync());

        private async Task<List<(string Recipient, string Template)>> NewAsync()
        {
            var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .Where(m => m.Id > _seen && (m.Recipient == reporterEmail || db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number)))
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.Recipient, m.Template }).ToListAsync());
            _seen = rows.Count > 0 ? rows[^1].Id : _seen;
            return rows.Select(r => (r.Recipient, r.Template)).ToList();
        }
    }
}
