using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Inbox;

public sealed class InboxTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Inbox_WithoutSignIn_RedirectsToLogin()
    {
        var response = await app.CreateBrowser().GetAsync("/inbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_Citizen_IsRefused()
    {
        await StaffWorld.CreateAsync(app);
        var citizen = await Staff.SignInAsync(app, StaffWorld.CitizenX);

        var page = await citizen.OpenAsync("/inbox");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Akses ditolak", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewReport_IsInCoordinatorQueue_AndReachesOfficerOnlyWhenRouted()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Trotoar rusak di depan sekolah");
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        Assert.Contains(number, (await coordinator.OpenAsync("/inbox")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(number, (await officer.OpenAsync("/inbox")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.OpenAsync($"/inbox/{number}")).Status);

        var verified = await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("ComplaintKind", "Ordinary"));

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Contains(number, (await officer.OpenAsync("/inbox")).Text, StringComparison.Ordinal);
        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Assignments).SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(ReportStatus.Dispositioned, report.Status);
        Assert.Equal(world.AgencyA, Assert.Single(report.Assignments).AgencyId);
    }

    [Fact]
    public async Task Officer_RespondsThenGivesFinalResponse_ReporterSeesItPublicly()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));

        await officer.ActAsync(number, "tanggapi", ("Text", "Tim kami meninjau lokasi besok pagi."), ("Public", "true"));
        await officer.ActAsync(number, "tindak-lanjut-akhir", ("Text", "Lubang sudah ditambal pada 20 November."), ("Public", "true"));

        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Assignments).SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(ReportStatus.InProgress, report.Status);
        Assert.Equal(AssignmentState.FinalResponded, report.Assignments.Single().State);
        var tracking = await HtmlPage.GetAsync(app.CreateBrowser(), $"/lacak/{number}");
        Assert.Contains("Lubang sudah ditambal pada 20 November.", tracking.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_ReturnsNotOurAuthority_ReportGoesBackToReturnedQueue()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerB);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyB)));

        await officer.ActAsync(number, "kembalikan", ("Text", "Jalan ini kewenangan provinsi."));

        var report = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(ReportStatus.Unverified, report.Status);
        Assert.True(report.IsReturned);
        Assert.Contains(number, (await coordinator.OpenAsync("/inbox?Tab=Returned")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_DelegatesToSubUnit_SubUnitWorksItAndAgencyKeepsReadAccess()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officerA = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var officerA1 = await Staff.SignInAsync(app, StaffWorld.OfficerA1);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));

        await officerA.ActAsync(number, "teruskan", ("ToAgencyId", Id(world.AgencyA1)), ("Text", "Ditangani bidang teknis."));

        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Assignments).Include(r => r.Routing).SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(RoutingAction.Delegate, report.Routing.OrderBy(e => e.Id).Last().Action);
        Assert.Equal(AssignmentState.Forwarded, report.Assignments.Single(a => a.AgencyId == world.AgencyA).State);
        Assert.Equal(AssignmentState.Dispositioned, report.Assignments.Single(a => a.AgencyId == world.AgencyA1).State);
        var readOnly = await officerA.OpenAsync($"/inbox/{number}");
        Assert.Equal(HttpStatusCode.OK, readOnly.Status);
        Assert.Null(readOnly.Document.QuerySelector($"form[action='/inbox/{number}/tanggapi']"));
        Assert.NotNull((await officerA1.OpenAsync($"/inbox/{number}")).Document.QuerySelector($"form[action='/inbox/{number}/tanggapi']"));
    }

    [Fact]
    public async Task Coordinator_HoldsAndArchives_WithReasonsOnRecord()
    {
        await StaffWorld.CreateAsync(app);
        var (held, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var (spam, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        await coordinator.ActAsync(held, "tunda", ("Text", "Mohon sebutkan nama jalan."));
        await coordinator.ActAsync(spam, "arsipkan", ("Reason", "Spam"), ("Text", "Laporan berisi promosi."));

        var statuses = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == held || r.TrackingNumber == spam).ToDictionaryAsync(r => r.TrackingNumber, r => r.Status));
        Assert.Equal(ReportStatus.OnHold, statuses[held]);
        Assert.Equal(ReportStatus.Archived, statuses[spam]);
        Assert.Contains(spam, (await coordinator.OpenAsync("/inbox?Tab=Archived")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_NotAllowedInStatus_ShowsMessageAndKeepsState()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var page = await coordinator.OpenAsync($"/inbox/{number}");
        var version = page.Document.QuerySelector($"form[action='/inbox/{number}/verifikasi'] input[name=Version]")!.GetAttribute("value")!;
        await coordinator.ActAsync(number, "arsipkan", ("Reason", "Unclear"), ("Text", "Tidak jelas."));

        var stale = await coordinator.PostAsync(number, "pulihkan", page.AntiforgeryToken($"/inbox/{number}/verifikasi"), Id(int.Parse(version, CultureInfo.InvariantCulture) + 1), ("Text", "Salah arsip"));
        var restoredAgain = await coordinator.PostAsync(number, "pulihkan", page.AntiforgeryToken($"/inbox/{number}/verifikasi"), Id(int.Parse(version, CultureInfo.InvariantCulture) + 1), ("Text", "Dua kali"));
        var after = await coordinator.OpenAsync($"/inbox/{number}");

        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, restoredAgain.StatusCode);
        Assert.Equal(ReportStatus.Unverified, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync()));
        Assert.True(after.Text.Contains("diubah oleh petugas lain", StringComparison.Ordinal), after.Text);
        Assert.Contains("Dua kali", after.Html, StringComparison.Ordinal);
    }

    /// <summary>
    /// What was typed comes back through the TempData cookie: a pasted wall of text, kept whole, pushed the sign-in
    /// cookie out of the browser's jar (and is more than a server takes in headers). It is kept up to what a form takes.
    /// </summary>
    [Fact]
    public async Task Action_WithTextFarOverTheLimit_KeepsWhatAFormTakes_AndTheSession()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        var refused = await officer.ActAsync(number, "tanggapi", ("Text", new string('x', 70_000)));
        var page = await officer.OpenAsync($"/inbox/{number}");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(5000, page.Document.QuerySelector("#text-tanggapi")!.TextContent.Trim().Length);
        Assert.Equal(HttpStatusCode.OK, (await officer.OpenAsync("/inbox")).Status);
    }

    [Fact]
    public async Task TwoCoordinatorsVerifyAtOnce_SecondGetsConflictAndOneRoutingHappens()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var first = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var second = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var page1 = await first.OpenAsync($"/inbox/{number}");
        var page2 = await second.OpenAsync($"/inbox/{number}");
        string Version(HtmlPage p) => p.Document.QuerySelector($"form[action='/inbox/{number}/verifikasi'] input[name=Version]")!.GetAttribute("value")!;

        var results = await Task.WhenAll(
            first.PostAsync(number, "verifikasi", page1.AntiforgeryToken($"/inbox/{number}/verifikasi"), Version(page1), ("AgencyIds", Id(world.AgencyA))),
            second.PostAsync(number, "verifikasi", page2.AntiforgeryToken($"/inbox/{number}/verifikasi"), Version(page2), ("AgencyIds", Id(world.AgencyB))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Assignments).Include(r => r.Routing).SingleAsync(r => r.TrackingNumber == number));
        Assert.Single(report.Assignments);
        Assert.Single(report.Routing, e => e.Action == RoutingAction.Verify);
        var messages = new[] { await first.OpenAsync($"/inbox/{number}"), await second.OpenAsync($"/inbox/{number}") };
        Assert.Single(messages, p => p.Text.Contains("diubah oleh petugas lain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnonymousReport_NameNeverReachesOfficerPages_CoordinatorRevealIsAudited()
    {
        var world = await StaffWorld.CreateAsync(app);
        const string Canary = "CANARY-NAMA-5Q2W";
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string>
        {
            ["Form.IsAnonymous"] = "true",
            ["Form.ReporterName"] = Canary,
            ["Form.ReporterEmail"] = "canary-5q2w@contoh.id",
            ["Form.ReporterPhone"] = "0812 5555 2222",
        });
        Assert.Equal(Canary, await app.WithDbAsync(db => db.ReporterIdentities.Where(i => db.Reports.Any(r => r.Id == i.ReportId && r.TrackingNumber == number)).Select(i => i.FullName).SingleAsync()));
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var head = await Staff.SignInAsync(app, StaffWorld.HeadA);
        var overseer = await Staff.SignInAsync(app, StaffWorld.Overseer);
        Assert.DoesNotContain(Canary, (await coordinator.OpenAsync($"/inbox/{number}")).Html, StringComparison.Ordinal);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        await officer.ActAsync(number, "tanggapi", ("Text", "Ditindaklanjuti."));

        foreach (var viewer in new[] { officer, head, overseer })
        {
            foreach (var url in new[] { "/inbox", $"/inbox/{number}", "/inbox?Tab=InProgress", $"/lacak/{number}" })
            {
                var page = await viewer.OpenAsync(url);
                Assert.DoesNotContain(Canary, page.Html, StringComparison.Ordinal);
                Assert.DoesNotContain("canary-5q2w", page.Html, StringComparison.Ordinal);
                Assert.DoesNotContain("0812 5555 2222", page.Html, StringComparison.Ordinal);
            }
        }

        var detail = await coordinator.OpenAsync($"/inbox/{number}");
        var revealed = await HtmlPage.FromAsync(await coordinator.Client.PostAsync($"/inbox/{number}/identitas", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = detail.AntiforgeryToken($"/inbox/{number}/identitas"),
            ["Reason"] = "Pelapor perlu dihubungi untuk perlindungan saksi.",
        })));

        Assert.True(revealed.Text.Contains(Canary, StringComparison.Ordinal), $"{revealed.Status} {revealed.Text[..Math.Min(2000, revealed.Text.Length)]}");
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.IdentityRevealed).OrderBy(a => a.Id).LastAsync());
        Assert.Equal("Pelapor perlu dihubungi untuk perlindungan saksi.", audit.Reason);
        Assert.DoesNotContain(Canary, audit.Reason!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_ByOfficer_IsRefusedAndNotAudited()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), extra: f => f.Add(new StringContent("true"), "Form.IsAnonymous"));
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await officer.Client.PostAsync($"/inbox/{number}/identitas", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await officer.TokenAsync(),
            ["Reason"] = "ingin tahu",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    /// <summary>The reason goes into the audit log's 1,000-character column: a longer one is refused with a message, not a database error.</summary>
    [Fact]
    public async Task Reveal_WithAReasonLongerThanTheAuditLogHolds_IsRefusedWithAMessageAndNotAudited()
    {
        await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), extra: f => f.Add(new StringContent("true"), "Form.IsAnonymous"));
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await coordinator.Client.PostAsync($"/inbox/{number}/identitas", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await coordinator.TokenAsync(),
            ["Reason"] = new string('x', 1001),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("paling banyak 1000 karakter", (await coordinator.OpenAsync(response.Headers.Location!.OriginalString)).Text, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task AgencyHead_SeesAgencyReportsReadOnlyWithOfficerWorkload()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        await officer.ActAsync(number, "tanggapi", ("Text", "Sedang kami tangani."));
        var head = await Staff.SignInAsync(app, StaffWorld.HeadA);

        var inbox = await head.OpenAsync("/inbox?Tab=InProgress");
        var detail = await head.OpenAsync($"/inbox/{number}");

        Assert.Contains(number, inbox.Text, StringComparison.Ordinal);
        var workloadRow = inbox.Document.QuerySelectorAll("details.workload tbody tr")
            .Single(tr => tr.TextContent.Contains(StaffWorld.OfficerA, StringComparison.Ordinal));
        Assert.Equal("1", workloadRow.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Null(detail.Document.QuerySelector("section.actions"));
    }

    [Fact]
    public async Task StaffForms_ExtraFieldsForStatusAgencyAndPrivacy_ChangeNothingButTheAction()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.IsAnonymous"] = "true", ["Form.IsConfidential"] = "true" });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("IsAnonymous", "false"), ("Status", "Completed"), ("Channel", "Sms"));

        await officer.ActAsync(number, "tanggapi", ("Text", "Kami tangani."), ("IsAnonymous", "false"), ("IsConfidential", "false"), ("Status", "Completed"),
            ("AgencyId", Id(world.AgencyB)), ("ReporterUserId", "x"), ("TrackingNumber", "LPR-AAAA-AAAA"));

        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Assignments).SingleAsync(r => r.TrackingNumber == number));
        Assert.True(report.IsAnonymous);
        Assert.True(report.IsConfidential);
        Assert.Equal(ReportStatus.InProgress, report.Status);
        Assert.Equal(Channel.Web, report.Channel);
        Assert.Equal([world.AgencyA], report.Assignments.Select(a => a.AgencyId));
        Assert.Null(report.ReporterUserId);
    }

    [Fact]
    public async Task AgencyInbox_FiltersAndSearch_NarrowTheList()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (road, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Aspal jalan mengelupas di Jl. Anggrek");
        var (info, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Jadwal posyandu bulan Desember", fields: new Dictionary<string, string> { ["Form.Classification"] = "InformationRequest" });
        await coordinator.ActAsync(road, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        await coordinator.ActAsync(info, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        var byKind = await officer.OpenAsync("/inbox?Tab=Dispositioned&Classification=InformationRequest");
        var byText = await officer.OpenAsync("/inbox?Tab=Dispositioned&Q=Anggrek");
        var byNumber = await officer.OpenAsync($"/inbox?Tab=Dispositioned&Q={info.ToLowerInvariant()}");

        Assert.Contains(info, byKind.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(road, byKind.Text, StringComparison.Ordinal);
        Assert.Contains(road, byText.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(info, byText.Text, StringComparison.Ordinal);
        Assert.Contains(info, byNumber.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(road, byNumber.Text, StringComparison.Ordinal);
    }

    /// <summary>Cursors and dates come back in addresses anyone can edit: one that names no real position or day is not applied (issue 15).</summary>
    [Theory]
    [InlineData(StaffWorld.OfficerA, "To=9999-12-31")]
    [InlineData(StaffWorld.OfficerA, "From=0001-01-01&To=0001-01-01")]
    [InlineData(StaffWorld.OfficerA, "Sort=DueDate&After=-1_-1")]
    [InlineData(StaffWorld.OfficerA, "Sort=DueDate&After=9223372036854775807_1")]
    [InlineData(StaffWorld.OfficerA, "Sort=Newest&After=9223372036854775807_1")]
    [InlineData(StaffWorld.Coordinator, "Tab=Routed&After=-1_-1")]
    [InlineData(StaffWorld.Coordinator, "Tab=Routed&After=9223372036854775807_1")]
    public async Task Inbox_WithAnImpossibleCursorOrDate_ShowsTheFirstPage(string email, string query)
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Selokan mampet di Gang Kenanga");
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        var staff = await Staff.SignInAsync(app, email);

        var page = await staff.OpenAsync($"/inbox?{query}&Q={number}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(number, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transitions_QueueMailsForTheRightPeople_StaffMailsCarryNoReporterIdentity()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string>
        {
            ["Form.IsAnonymous"] = "true",
            ["Form.ReporterName"] = "CANARY-SURAT-3K",
            ["Form.ReporterEmail"] = "canary-surat@contoh.id",
        });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerB);

        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyB)));
        await officer.ActAsync(number, "tanggapi", ("Text", "Kami tangani."));
        await officer.ActAsync(number, "kembalikan", ("Text", "Bukan kewenangan kami."));

        var mails = await app.WithDbAsync(db => db.OutboxMessages.Where(m => db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number))
            .Select(m => new { m.Template, m.Recipient, m.PayloadJson }).ToListAsync());
        Assert.Contains(mails, m => m is { Template: "NewDisposition", Recipient: StaffWorld.OfficerB });
        Assert.Contains(mails, m => m is { Template: "ResponsePosted", Recipient: "canary-surat@contoh.id" });
        Assert.Contains(mails, m => m is { Template: "Returned", Recipient: StaffWorld.Coordinator });
        Assert.DoesNotContain(mails.Where(m => m.Recipient != "canary-surat@contoh.id"), m => m.PayloadJson.Contains("CANARY", StringComparison.Ordinal) || m.PayloadJson.Contains("canary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewDisposition_ShowsAsUnreadNoticeForTheOfficerUntilRead()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA1);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA1)));

        var notices = await officer.OpenAsync("/notifikasi");
        Assert.Contains($"Laporan baru untuk Bidang A1: {number}", notices.Text, StringComparison.Ordinal);
        Assert.NotNull(notices.Document.QuerySelector("a.nav-link[href='/notifikasi'] .badge"));
        Assert.DoesNotContain(number, (await (await Staff.SignInAsync(app, StaffWorld.OfficerB)).OpenAsync("/notifikasi")).Text, StringComparison.Ordinal);

        await officer.Client.PostAsync("/notifikasi/baca", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await officer.TokenAsync() }));

        Assert.Null((await officer.OpenAsync("/notifikasi")).Document.QuerySelector("a.nav-link[href='/notifikasi'] .badge"));
    }
}
