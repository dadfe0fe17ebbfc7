using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.ReportWork;

/// <summary>
/// The escalation ladder and time-driven transitions on a fake clock, against the real database.
/// November 2026 has no holidays: filed and routed Monday 2 Nov, first response is due Monday
/// 9 Nov and completion (ordinary complaint, 14 working days) Friday 20 Nov.
/// </summary>
public sealed class EscalationTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    private const string AccessCodeForTests = "KODE-UJI-2345";
    private static readonly DateTimeOffset Monday2Nov = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero); // 09:00 WIB

    private static DateTimeOffset At(int day, int hourWib = 9) => new(2026, 11, day, hourWib - 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Ladder_EachRungHappensOnceOnItsDay()
    {
        var world = await StaffWorld.CreateAsync(app);
        var id = await RoutedReportAsync(world.AgencyA);

        await RunAsync(At(5));
        Assert.Empty(await RungsAsync(id));

        await RunAsync(At(6)); // one working day before Monday 9
        Assert.Equal([(Deadline.FirstResponse, EscalationRung.Reminder)], await RungsAsync(id));

        await RunAsync(At(9)); // the due day itself: still on time
        await RunAsync(At(10)); // breached
        await RunAsync(At(11));
        Assert.Equal(2, (await RungsAsync(id)).Count);
        Assert.True(await app.WithDbAsync(db => db.Assignments.Where(a => a.ReportId == id).Select(a => a.IsOverdue).SingleAsync()));

        await RunAsync(At(12)); // three working days past
        await RunAsync(At(12, 15));
        Assert.Equal(
            [(Deadline.FirstResponse, EscalationRung.Reminder), (Deadline.FirstResponse, EscalationRung.Breach), (Deadline.FirstResponse, EscalationRung.AgencyHeadAlert)],
            await RungsAsync(id));
        Assert.Equal(3, await app.WithDbAsync(db => db.RoutingEntries.CountAsync(e => e.ReportId == id && e.Action == RoutingAction.Escalate)));
    }

    [Fact]
    public async Task Ladder_NotifiesOfficerThenCoordinatorThenHead_WithoutReporterIdentity()
    {
        var world = await StaffWorld.CreateAsync(app);
        var id = await RoutedReportAsync(world.AgencyA, anonymousName: "CANARY-ESKALASI-9Z");

        await RunAsync(At(6));
        await RunAsync(At(10));
        await RunAsync(At(12));

        var mails = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReportId == id).Select(m => new { m.Template, m.Recipient, m.PayloadJson }).ToListAsync());
        Assert.Equal([StaffWorld.OfficerA], mails.Where(m => m.Template == "EscalationReminder").Select(m => m.Recipient));
        Assert.Equal([StaffWorld.Coordinator, StaffWorld.OfficerA], mails.Where(m => m.Template == "EscalationBreach").Select(m => m.Recipient).Order());
        Assert.Equal([StaffWorld.HeadA, StaffWorld.Coordinator], mails.Where(m => m.Template == "EscalationAgencyHeadAlert").Select(m => m.Recipient).Order());
        Assert.DoesNotContain(mails, m => m.PayloadJson.Contains("CANARY-ESKALASI-9Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ladder_PastCompletion_OffersTheReporterToEscalate()
    {
        var world = await StaffWorld.CreateAsync(app);
        var id = await RoutedReportAsync(world.AgencyA, respond: true);

        await RunAsync(At(23)); // Monday after the Friday 20 completion date

        var rungs = await RungsAsync(id);
        Assert.Contains((Deadline.Completion, EscalationRung.Breach), rungs);
        Assert.Contains((Deadline.Completion, EscalationRung.ReporterOffer), rungs);
        Assert.DoesNotContain(rungs, r => r.Deadline == Deadline.FirstResponse);
        Assert.Contains(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReportId == id).Select(m => new { m.Template, m.Recipient }).ToListAsync()),
            m => m is { Template: "EscalationReporterOffer", Recipient: "pelapor@contoh.id" });
    }

    /// <summary>Two agencies late on one report: each is escalated, but the reporter gets one offer, not two identical mails.</summary>
    [Fact]
    public async Task Ladder_TwoAgenciesLate_OffersTheReporterOnce()
    {
        var world = await StaffWorld.CreateAsync(app);
        var id = await CreateAsync((report, schedule) =>
        {
            report.Verify(new Actor(null, ActorRole.Coordinator), [world.AgencyA, world.AgencyB], ComplaintKind.Ordinary, null, null, schedule, Monday2Nov);
            report.Respond(Actor.Officer(null!, [world.AgencyA]), "Kami tangani.", MessageVisibility.Public, schedule, Monday2Nov);
            report.Respond(Actor.Officer(null!, [world.AgencyB]), "Kami juga.", MessageVisibility.Public, schedule, Monday2Nov);
        });

        await RunAsync(At(23));
        await RunAsync(At(24));

        var rungs = await RungsAsync(id);
        Assert.Equal(2, rungs.Count(r => r == (Deadline.Completion, EscalationRung.Breach)));
        Assert.Equal(1, rungs.Count(r => r.Rung == EscalationRung.ReporterOffer));
        Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReportId == id && m.Template == "EscalationReporterOffer").ToListAsync()));
    }

    /// <summary>
    /// Two unstaffed agencies share a report with the same completion date: the coordinators stand in for both, and
    /// hear one reminder naming both agencies and the day — not two identical "Pengingat: batas waktu laporan … besok" (issue 20).
    /// </summary>
    [Fact]
    public async Task Ladder_TwoUnstaffedAgenciesDueTheSameDay_CoordinatorRemindedOnce()
    {
        var world = await StaffWorld.CreateAsync(app);
        var first = await AgencyWithoutOfficerAsync(world, "UJI-R1");
        var second = await AgencyWithoutOfficerAsync(world, "UJI-R2");
        var id = await CreateAsync((report, schedule) =>
        {
            report.Verify(new Actor(null, ActorRole.Coordinator), [first, second], ComplaintKind.Ordinary, null, null, schedule, Monday2Nov);
            report.Respond(Actor.Officer(null!, [first]), "Kami tangani.", MessageVisibility.Public, schedule, Monday2Nov);
            report.Respond(Actor.Officer(null!, [second]), "Kami juga.", MessageVisibility.Public, schedule, Monday2Nov);
        });

        await RunAsync(At(19)); // one working day before Friday 20, both completion dates
        await RunAsync(At(19, 15));

        Assert.Equal(2, (await RungsAsync(id)).Count(r => r == (Deadline.Completion, EscalationRung.Reminder)));
        var reminder = Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReportId == id && m.Template == "EscalationReminder").ToListAsync()));
        Assert.Equal(StaffWorld.Coordinator, reminder.Recipient);
        Assert.Contains("Dinas Tanpa Petugas UJI-R1, Dinas Tanpa Petugas UJI-R2", reminder.PayloadJson, StringComparison.Ordinal);

        // The subject names the day: a reminder sent on a Friday for a Monday must not say "tomorrow".
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var subject = scope.ServiceProvider.GetRequiredService<MailTemplates>().Subject(reminder.Template, reminder.Culture, reminder.PayloadJson);
            Assert.Equal($"Pengingat: batas waktu laporan {await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.TrackingNumber).SingleAsync())} pada 20 November 2026", subject);
        }
        Assert.Single(await app.WithDbAsync(db => db.StaffNotifications.Where(n => n.ReportId == id && n.Template == "EscalationReminder").ToListAsync()));
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

    [Fact]
    public async Task TwoRunsAtOnce_StillOneOfEachRung()
    {
        var world = await StaffWorld.CreateAsync(app);
        var id = await RoutedReportAsync(world.AgencyA);

        await Task.WhenAll(RunAsync(At(12)), RunAsync(At(12)), RunAsync(At(12)));

        var rungs = await RungsAsync(id);
        Assert.Equal(rungs.Count, rungs.Distinct().Count());
        // A first run this late finds breach and head alert due at once; a stale reminder is not sent.
        Assert.Equal([(Deadline.FirstResponse, EscalationRung.Breach), (Deadline.FirstResponse, EscalationRung.AgencyHeadAlert)], rungs);
        Assert.Equal(2, await app.WithDbAsync(db => db.RoutingEntries.CountAsync(e => e.ReportId == id && e.Action == RoutingAction.Escalate)));
    }

    [Fact]
    public async Task UnverifiedReport_VerifyDeadlineBreached_CoordinatorIsTold()
    {
        await StaffWorld.CreateAsync(app);
        var id = await SubmittedReportAsync();

        await RunAsync(At(6)); // due Thursday 5

        Assert.Contains((Deadline.Verify, EscalationRung.Breach), await RungsAsync(id));
        Assert.Contains(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReportId == id).Select(m => m.Recipient).ToListAsync()), r => r == StaffWorld.Coordinator);
    }

    [Fact]
    public async Task Hold_UnansweredForTenWorkingDays_IsArchivedAsNotCompleted()
    {
        await StaffWorld.CreateAsync(app);
        var id = await SubmittedReportAsync(hold: true);

        await RunAsync(At(13)); // nine working days
        Assert.Equal(ReportStatus.OnHold, await StatusAsync(id));

        await RunAsync(At(16)); // ten
        var report = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id == id));
        Assert.Equal(ReportStatus.Archived, report.Status);
        Assert.Equal(ArchiveReason.NotCompleted, report.ArchiveReason);

        // The reporter's mail names the reason, and no placeholder the system had no words for.
        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ReportId == id && m.Template == "Archived"));
        await using var scope = app.Services.CreateAsyncScope();
        var body = scope.ServiceProvider.GetRequiredService<Lapor.Web.Infrastructure.Notifications.MailTemplates>()
            .Compose(mail.Template, mail.Recipient, mail.Culture, mail.PayloadJson).TextBody;
        Assert.Contains("Alasan: Tidak dilengkapi.\n\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinalResponse_NoReplyWithinWindow_CompletesAfterItOnly()
    {
        var world = await StaffWorld.CreateAsync(app);
        var id = await RoutedReportAsync(world.AgencyA, final: true); // window ends Monday 16

        await RunAsync(At(16));
        Assert.Equal(ReportStatus.InProgress, await StatusAsync(id));

        await RunAsync(At(17));
        Assert.Equal(ReportStatus.Completed, await StatusAsync(id));
        Assert.Equal(RoutingAction.AutoComplete, await app.WithDbAsync(db => db.RoutingEntries.Where(e => e.ReportId == id).OrderBy(e => e.Id).Select(e => e.Action).LastAsync()));
    }

    [Fact]
    public async Task Reporter_TakesTheOffer_ReportIsInCoordinatorsEscalationQueueOnce()
    {
        var world = await StaffWorld.CreateAsync(app);
        var id = await RoutedReportAsync(world.AgencyA, respond: true);
        var number = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.TrackingNumber).SingleAsync());
        var reporter = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        await reporter.PostAsync($"/lacak/{number}/akses", Form(page.AntiforgeryToken($"/lacak/{number}/akses"), ("AccessCode", AccessCodeForTests)));
        Assert.Null((await HtmlPage.GetAsync(reporter, $"/lacak/{number}")).Document.QuerySelector($"form[action='/lacak/{number}/eskalasi']"));

        await RunAsync(At(23));
        var offered = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        Assert.Contains("Ombudsman", offered.Text, StringComparison.Ordinal);
        var token = offered.AntiforgeryToken($"/lacak/{number}/eskalasi");
        await reporter.PostAsync($"/lacak/{number}/eskalasi", Form(token, ("Reason", "Sudah lewat batas waktu, mohon dibantu.")));
        await reporter.PostAsync($"/lacak/{number}/eskalasi", Form(token, ("Reason", "Sekali lagi.")));

        Assert.Equal(1, await app.WithDbAsync(db => db.Escalations.CountAsync(e => e.ReportId == id && e.Rung == EscalationRung.ReporterEscalated)));
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        Assert.Contains(number, (await coordinator.OpenAsync("/inbox?Tab=Escalated")).Text, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    private async Task RunAsync(DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.DeadlineJobAt(now).RunOnceAsync(CancellationToken.None);
    }

    private Task<long> SubmittedReportAsync(bool hold = false) => CreateAsync((report, _) =>
    {
        if (hold)
        {
            report.Hold(new Actor(null, ActorRole.Coordinator), "Alamat lengkap?", Monday2Nov);
        }
    });

    private Task<long> RoutedReportAsync(int agencyId, bool respond = false, bool final = false, string? anonymousName = null) =>
        CreateAsync((report, schedule) =>
        {
            report.Verify(new Actor(null, ActorRole.Coordinator), [agencyId], ComplaintKind.Ordinary, null, null, schedule, Monday2Nov);
            if (respond)
            {
                report.Respond(Actor.Officer(null!, [agencyId]), "Kami tangani.", MessageVisibility.Public, schedule, Monday2Nov);
            }

            if (final)
            {
                report.RespondFinal(Actor.Officer(null!, [agencyId]), "Selesai.", MessageVisibility.Public, schedule, Monday2Nov);
            }
        }, anonymousName);

    private async Task<long> CreateAsync(Action<Report, Lapor.Web.Domain.Deadlines.DeadlineSchedule> advance, string? anonymousName = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var report = Report.Submit(
            new ReportDraft(Classification.Complaint, "Jalan berlubang di Jl. Merdeka", "Lubang besar di depan pasar.", null, null, null, null, null, null, anonymousName is not null, false),
            Actor.Guest, Channel.Web, Guid.NewGuid(), AccessCode.Hash(AccessCodeForTests), schedule, Monday2Nov);
        advance(report, schedule);
        db.Reports.Add(report);
        db.ReporterIdentities.Add(new ReporterIdentity(report, anonymousName ?? "Pelapor Uji", "pelapor@contoh.id", null));
        await db.SaveChangesAsync();
        return report.Id;
    }

    private Task<List<(Deadline Deadline, EscalationRung Rung)>> RungsAsync(long id) => app.WithDbAsync(async db =>
        (await db.Escalations.Where(e => e.ReportId == id).OrderBy(e => e.Id).Select(e => new { e.Deadline, e.Rung }).ToListAsync())
            .Select(e => (e.Deadline, e.Rung)).ToList());

    private Task<ReportStatus> StatusAsync(long id) => app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
}
