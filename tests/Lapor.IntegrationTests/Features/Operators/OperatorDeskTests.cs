using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Operators;

/// <summary>A village operator files for residents at /operator, prints the slip, and follows their own filings only.</summary>
public sealed class OperatorDeskTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string OperatorA = "operator.a@uji.id";
    private const string OperatorB = "operator.b@uji.id";
    private const string OperatorWithoutPlace = "operator.tanpa-tempat@uji.id";
    private const string ServicePointA = "Kantor Desa Sukamaju, Kecamatan Uji";

    [Fact]
    public async Task Operator_FilesForResident_SlipShowsTheCodeOnce_ConsentAndAuditStored_ResidentHearsBySms()
    {
        var operatorA = await OperatorAsync(OperatorA, ServicePointA);
        var form = await operatorA.OpenAsync("/operator/lapor");
        var submission = Guid.Parse(form.InputValue("Form.SubmissionToken"));

        var slip = await PostAsync(operatorA, form, submission, ("Form.ReporterEmail", ""), ("Form.ReporterPhone", "0812-5555-0101"));

        Assert.Equal(HttpStatusCode.OK, slip.Status);
        Assert.Equal("no-store", slip.Response.Headers.CacheControl?.ToString());
        var number = slip.Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim();
        var code = slip.Document.QuerySelector("[data-testid=access-code]")!.TextContent.Trim();
        Assert.Contains(ServicePointA, slip.Text, StringComparison.Ordinal);
        Assert.Contains($"/lacak/{number}", slip.Text, StringComparison.Ordinal);
        AssertTitled(slip, "Laporan terkirim: cetak tanda terima untuk warga");

        var (report, filing, identity) = await app.WithDbAsync(async db => (
            await db.Reports.AsNoTracking().SingleAsync(r => r.TrackingNumber == number),
            await db.OperatorFilings.AsNoTracking().SingleAsync(f => f.Report!.TrackingNumber == number),
            await db.ReporterIdentities.AsNoTracking().SingleAsync(i => i.Report!.TrackingNumber == number)));
        var operatorId = await UserIdAsync(OperatorA);
        Assert.Equal((Channel.Operator, operatorId, (string?)null), (report.Channel, report.EnteredByUserId, report.ReporterUserId));
        Assert.True(AccessCode.Verify(code, report.AccessCodeHash));
        Assert.Equal((operatorId, ServicePointA), (filing.OperatorUserId, filing.ServicePoint));
        Assert.StartsWith("Warga yang bersangkutan hadir", filing.ConsentWording, StringComparison.Ordinal);
        Assert.True(filing.ConsentRecordedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal((NotificationChannel.Sms, "+6281255550101"), (identity.ReplyChannel!.Value, identity.ReplyTo!));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m =>
            m.Template == "FilingConfirmation" && m.Channel == NotificationChannel.Sms && m.Recipient == "+6281255550101")));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.FiledOnBehalf && a.TargetId == report.Id.ToString()).ToListAsync());
        Assert.Equal((operatorId, "Report", ServicePointA), (Assert.Single(audit).UserId, audit[0].TargetType, audit[0].Reason));

        // Sent again (a reload of the answer): the same report, its slip without the code, no second audit entry.
        var again = await PostAsync(operatorA, form, submission, ("Form.ReporterEmail", ""), ("Form.ReporterPhone", "0812-5555-0101"));
        Assert.Equal(number, again.Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim());
        Assert.Null(again.Document.QuerySelector("[data-testid=access-code]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.FiledOnBehalf && a.TargetId == report.Id.ToString())));

        // A re-print names the number and the service point, never the code.
        var reprint = await operatorA.OpenAsync($"/operator/laporan/{number}/tanda-terima");
        Assert.Equal(HttpStatusCode.OK, reprint.Status);
        Assert.NotNull(reprint.Document.QuerySelector("[data-testid=no-code]"));
        Assert.DoesNotContain(code, reprint.Html, StringComparison.Ordinal);
        Assert.Contains(ServicePointA, reprint.Text, StringComparison.Ordinal);
        AssertTitled(reprint, "Cetak ulang tanda terima");

        // The resident opens the whole report at home with the slip's code.
        var resident = await Citizen.UnlockAsync(app, number, code);
        var tracking = await HtmlPage.GetAsync(resident, $"/lacak/{number}");
        Assert.Contains("Lubang besar di depan pasar", tracking.Text, StringComparison.Ordinal);

        // The coordinator sees where it came from: the operator channel and the service point.
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var staffPage = await coordinator.OpenAsync($"/inbox/{number}");
        Assert.Equal(HttpStatusCode.OK, staffPage.Status);
        Assert.Contains($"Operator desa/kelurahan ({ServicePointA})", staffPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_ResidentWithEmail_HearsByEmail_AnonymousAndConfidentialStayTheResidents()
    {
        var operatorA = await OperatorAsync(OperatorA, ServicePointA);
        var form = await operatorA.OpenAsync("/operator/lapor");

        var slip = await PostAsync(operatorA, form, Guid.NewGuid(),
            ("Form.ReporterEmail", "sumarni@contoh.id"), ("Form.ReporterPhone", "081255550102"), ("Form.IsAnonymous", "true"), ("Form.IsConfidential", "true"));

        var number = slip.Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim();
        var (report, identity) = await app.WithDbAsync(async db => (
            await db.Reports.AsNoTracking().SingleAsync(r => r.TrackingNumber == number),
            await db.ReporterIdentities.AsNoTracking().SingleAsync(i => i.Report!.TrackingNumber == number)));
        Assert.Equal((true, true), (report.IsAnonymous, report.IsConfidential));
        Assert.Null(identity.ReplyChannel);
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m =>
            m.Template == "FilingConfirmation" && m.Channel == NotificationChannel.Email && m.Recipient == "sumarni@contoh.id")));

        // The operator's page shows the report as its reporter sees it, not the resident's identity.
        var page = await operatorA.OpenAsync($"/operator/laporan/{number}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Lubang besar di depan pasar", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Andi Wijaya", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("sumarni@contoh.id", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_ReportPage_ShowsStatusAndPublicHistory_NeverTheMessagesToTheResident()
    {
        var world = await StaffWorld.CreateAsync(app);
        var operatorA = await OperatorAsync(OperatorA, ServicePointA);
        var slip = await PostAsync(operatorA, await operatorA.OpenAsync("/operator/lapor"), Guid.NewGuid(),
            ("Form.ReporterEmail", "sumarni@contoh.id"), ("Form.IsAnonymous", "true"), ("Form.IsConfidential", "true"));
        var number = slip.Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim();
        var code = slip.Document.QuerySelector("[data-testid=access-code]")!.TextContent.Trim();
        await StoredReports.ActAsync(app, number, (r, _) => r.Hold(StoredReports.Coordinator, "PERTANYAAN-RAHASIA mohon lengkapi alamat rumah", DateTimeOffset.UtcNow));

        var held = await operatorA.OpenAsync($"/operator/laporan/{number}");
        Assert.Equal(HttpStatusCode.OK, held.Status);
        Assert.DoesNotContain("PERTANYAAN-RAHASIA", held.Html, StringComparison.Ordinal);
        Assert.Contains("diperlukan keterangan tambahan dari pelapor", held.Document.QuerySelector("[data-testid=status-words]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lubang besar di depan pasar", held.Text, StringComparison.Ordinal);
        Assert.Equal("Anonim. Rahasia", held.Document.QuerySelector("[data-testid=privacy]")!.TextContent.Trim());

        // The resident answers at home with the slip's code; the coordinator routes it, an officer answers the resident alone.
        var resident = await Citizen.UnlockAsync(app, number, code);
        await resident.PostAsync($"/lacak/{number}/informasi", await Citizen.TrackFormAsync(resident, number, ("Text", "JAWABAN-WARGA Jl. Merdeka No. 10")));
        var officerId = await UserIdAsync(StaffWorld.OfficerA);
        await StoredReports.ActAsync(app, number, (r, schedule) =>
        {
            r.Verify(StoredReports.Coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, schedule, DateTimeOffset.UtcNow);
            r.Respond(Actor.Officer(officerId, [world.AgencyA]), "JAWABAN-PETUGAS-KHUSUS-PELAPOR sedang kami periksa", MessageVisibility.ReporterOnly, schedule, DateTimeOffset.UtcNow);
        });

        var answered = await operatorA.OpenAsync($"/operator/laporan/{number}");
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        foreach (var secret in new[] { "PERTANYAAN-RAHASIA", "JAWABAN-WARGA", "JAWABAN-PETUGAS-KHUSUS-PELAPOR", "sumarni@contoh.id", "Andi Wijaya" })
        {
            Assert.DoesNotContain(secret, answered.Html, StringComparison.Ordinal);
        }

        Assert.NotNull(answered.Document.QuerySelector("[data-testid=status-words]"));
        Assert.Contains(StaffWorld.AgencyAName, answered.Text, StringComparison.Ordinal);
        Assert.Null(answered.Document.QuerySelector("[data-testid=awaits-resident]"));

        // The resident, with the code, still reads all of it.
        Assert.Contains("JAWABAN-PETUGAS-KHUSUS-PELAPOR", (await HtmlPage.GetAsync(resident, $"/lacak/{number}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_ListFlagsAReportWaitingForTheResident_UntilTheResidentAnswersWithTheCode()
    {
        var operatorA = await OperatorAsync(OperatorA, ServicePointA);
        var slip = await PostAsync(operatorA, await operatorA.OpenAsync("/operator/lapor"), Guid.NewGuid(),
            ("Form.Title", "Lampu jalan padam di dusun tiga"), ("Form.ReporterEmail", ""), ("Form.ReporterPhone", ""));
        var number = slip.Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim();
        var code = slip.Document.QuerySelector("[data-testid=access-code]")!.TextContent.Trim();
        Assert.Null(RowOf(await operatorA.OpenAsync("/operator"), number).QuerySelector("[data-testid=awaits-resident]"));

        await StoredReports.ActAsync(app, number, (r, _) => r.Hold(StoredReports.Coordinator, "Mohon sebutkan nomor tiang lampu", DateTimeOffset.UtcNow));

        var flagged = RowOf(await operatorA.OpenAsync("/operator"), number).QuerySelector("[data-testid=awaits-resident]");
        Assert.Equal("Menunggu keterangan warga", flagged?.TextContent.Trim());

        // The desk is not the reporter: statuses speak of the reporter, never to "you".
        Assert.DoesNotContain("keterangan Anda", (await operatorA.OpenAsync("/operator")).Text, StringComparison.Ordinal);
        var page = await operatorA.OpenAsync($"/operator/laporan/{number}");
        var notice = page.Document.QuerySelector("[data-testid=awaits-resident]")!.TextContent;
        Assert.Contains("kode akses yang tercetak di tanda terimanya", notice, StringComparison.Ordinal);
        Assert.Contains("kantor desa/kelurahan perlu memberi tahu warga", notice, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"[data-testid=awaits-resident] a[href='/lacak/{number}']"));

        var resident = await Citizen.UnlockAsync(app, number, code);
        var answer = await resident.PostAsync($"/lacak/{number}/informasi", await Citizen.TrackFormAsync(resident, number, ("Text", "Tiang nomor 17 dekat masjid")));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        Assert.Null(RowOf(await operatorA.OpenAsync("/operator"), number).QuerySelector("[data-testid=awaits-resident]"));
        Assert.Null((await operatorA.OpenAsync($"/operator/laporan/{number}")).Document.QuerySelector("[data-testid=awaits-resident]"));
    }

    /// <summary>The slip names itself for the browser tab and the screen reader: the document title and one visible heading.</summary>
    private static void AssertTitled(HtmlPage slip, string heading)
    {
        Assert.Equal("Tanda terima laporan · Lapor", slip.Document.Title);
        Assert.Equal(heading, Assert.Single(slip.Document.QuerySelectorAll("h1")).TextContent.Trim());
    }

    private static AngleSharp.Dom.IElement RowOf(HtmlPage list, string number) =>
        list.Document.QuerySelectorAll("[data-testid=operator-report]").Single(row => row.TextContent.Contains(number, StringComparison.Ordinal));

    [Fact]
    public async Task Operator_WithoutConsentOrWithABadPhone_IsRefusedKeepingInput_NothingFiled()
    {
        var operatorA = await OperatorAsync(OperatorA, ServicePointA);
        var form = await operatorA.OpenAsync("/operator/lapor");
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var refused = await PostAsync(operatorA, form, Guid.NewGuid(), ("Form.Consent", "false"), ("Form.ReporterPhone", "81234567"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("persetujuan warga", refused.FieldError("Form.Consent"), StringComparison.Ordinal);
        Assert.Contains("SMS", refused.FieldError("Form.ReporterPhone"), StringComparison.Ordinal);
        Assert.Equal("Andi Wijaya", refused.InputValue("Form.ReporterName"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Operator_WithoutServicePoint_CannotFile()
    {
        var operatorWithout = await OperatorAsync(OperatorWithoutPlace, null);
        var form = await operatorWithout.OpenAsync("/operator/lapor");
        Assert.NotNull(form.Document.QuerySelector("[data-testid=no-service-point]"));
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var token = (await operatorWithout.OpenAsync("/lapor")).AntiforgeryToken("/lapor");
        var response = await operatorWithout.Client.PostAsync("/operator/lapor", Citizen.ReportForm(token, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task AnotherOperator_CannotListOpenOrReprintTheReport()
    {
        var operatorA = await OperatorAsync(OperatorA, ServicePointA);
        var operatorB = await OperatorAsync(OperatorB, "Kantor Kelurahan Mekar");
        var slip = await PostAsync(operatorA, await operatorA.OpenAsync("/operator/lapor"), Guid.NewGuid(), ("Form.Title", "Saluran air tersumbat di RT 03"));
        var number = slip.Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim();

        Assert.Contains(number, (await operatorA.OpenAsync("/operator")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(number, (await operatorB.OpenAsync("/operator")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorB.OpenAsync($"/operator/laporan/{number}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorB.OpenAsync($"/operator/laporan/{number}/tanda-terima")).Status);

        // Nor with the citizen's pages: without the code, the tracking page shows the status only.
        var track = await operatorB.OpenAsync($"/lacak/{number}");
        Assert.DoesNotContain("Saluran air tersumbat", track.Text, StringComparison.Ordinal);

        // A citizen's own report is no operator's either.
        var citizenReport = await app.WithDbAsync(db => db.Reports.Where(r => r.Channel == Channel.Web).Select(r => r.TrackingNumber).FirstOrDefaultAsync());
        if (citizenReport is not null)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await operatorA.OpenAsync($"/operator/laporan/{citizenReport}")).Status);
        }
    }

    [Fact]
    public async Task Operator_IsNoStaff_StaffAndAdministrationPagesAreRefused()
    {
        await StaffWorld.CreateAsync(app);
        var operatorA = await OperatorAsync(OperatorA, ServicePointA);
        var number = (await PostAsync(operatorA, await operatorA.OpenAsync("/operator/lapor"), Guid.NewGuid()))
            .Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim();

        foreach (var path in new[] { "/inbox", $"/inbox/{number}", "/inbox/baru", "/admin/pengguna", "/dasbor" })
        {
            var status = (await operatorA.OpenAsync(path)).Status;
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{path}: {status}");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorA.OpenAsync($"/inbox/{number}")).Status);
    }

    [Theory]
    [InlineData(StaffWorld.CitizenX)]
    [InlineData(StaffWorld.OfficerA)]
    [InlineData(StaffWorld.Coordinator)]
    [InlineData(StaffWorld.Admin)]
    public async Task OtherRoles_CannotUseTheOperatorDesk(string email)
    {
        await StaffWorld.CreateAsync(app);
        var operatorA = await OperatorAsync(OperatorA, ServicePointA);
        var number = (await PostAsync(operatorA, await operatorA.OpenAsync("/operator/lapor"), Guid.NewGuid()))
            .Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim();
        var user = await Staff.SignInAsync(app, email);
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        foreach (var path in new[] { "/operator", "/operator/lapor", $"/operator/laporan/{number}", $"/operator/laporan/{number}/tanda-terima" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await user.OpenAsync(path)).Status);
        }

        var post = await user.Client.PostAsync("/operator/lapor", Citizen.ReportForm(await user.TokenAsync(), Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Operator_List_PagesByTwenty_NewestFirst()
    {
        var operatorPaged = await OperatorAsync("operator.banyak@uji.id", "Kantor Kecamatan Uji");
        var form = await operatorPaged.OpenAsync("/operator/lapor");
        var numbers = new List<string>();
        for (var i = 0; i < 21; i++)
        {
            var slip = await PostAsync(operatorPaged, form, Guid.NewGuid(), ("Form.Title", $"Laporan warga nomor {i:00} di desa"));
            numbers.Add(slip.Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim());
        }

        var first = await operatorPaged.OpenAsync("/operator");
        Assert.Equal(20, first.Document.QuerySelectorAll("[data-testid=operator-report]").Length);
        Assert.Contains(numbers[20], first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(numbers[0], first.Text, StringComparison.Ordinal);

        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await operatorPaged.OpenAsync(next);
        Assert.Equal(numbers[0], second.Document.QuerySelector("[data-testid=operator-report] .tracking-number-inline")!.TextContent.Trim());
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));

        // An edited cursor is no error: a number that is no report id starts over.
        Assert.Equal(HttpStatusCode.OK, (await operatorPaged.OpenAsync("/operator?sebelum=abc")).Status);
    }

    [Fact]
    public async Task Operator_SignsIn_ToTheirDesk_WithTheDeskInTheMenu()
    {
        await OperatorAsync(OperatorA, ServicePointA);
        var browser = app.CreateBrowser();

        var response = await Citizen.SignInAsync(browser, OperatorA);

        Assert.Equal("/operator", response.Headers.Location!.OriginalString);
        var page = await HtmlPage.GetAsync(browser, "/operator");
        Assert.NotNull(page.Document.QuerySelector("nav a[href='/operator/lapor']"));
        Assert.Null(page.Document.QuerySelector("nav a[href='/inbox']"));
    }

    [Fact]
    public async Task Administrator_GivesTheRole_OnlyWithAServicePoint()
    {
        await StaffWorld.CreateAsync(app);
        var userId = await Citizen.CreateAccountAsync(app, $"calon.operator.{Guid.NewGuid():N}@uji.id");
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var page = await admin.OpenAsync($"/admin/pengguna/{userId}");
        var token = page.AntiforgeryToken($"/admin/pengguna/{userId}");

        var without = await admin.Client.PostAsync($"/admin/pengguna/{userId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["roles"] = Roles.VillageOperator, ["servicePoint"] = "", ["confirmed"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, without.StatusCode);
        Assert.False(await InRoleAsync(userId, Roles.VillageOperator));

        var with = await admin.Client.PostAsync($"/admin/pengguna/{userId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["roles"] = Roles.VillageOperator, ["servicePoint"] = "  Kantor Desa Mekarsari ", ["confirmed"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, with.StatusCode);
        Assert.True(await InRoleAsync(userId, Roles.VillageOperator));
        Assert.Equal("Kantor Desa Mekarsari", await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.ServicePoint).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.TargetId == userId && a.Reason == "service point changed")));
    }

    private async Task<bool> InRoleAsync(string userId, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(userId))!, role);
    }

    private Task<string> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>An operator account with this service point (created once per app), signed in.</summary>
    private async Task<Staff> OperatorAsync(string email, string? servicePoint)
    {
        if (!await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)))
        {
            var id = await Citizen.CreateAccountAsync(app, email, Roles.VillageOperator);
            await app.WithDbAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.Id == id);
                user.ServicePoint = servicePoint;
                await db.SaveChangesAsync();
            });
        }

        return await Staff.SignInAsync(app, email);
    }

    private static async Task<HtmlPage> PostAsync(Staff desk, HtmlPage form, Guid submission, params (string Name, string Value)[] fields) =>
        await HtmlPage.FromAsync(await desk.Client.PostAsync("/operator/lapor",
            Citizen.ReportForm(form.AntiforgeryToken("/operator/lapor"), submission, fields: fields.ToDictionary(f => f.Name, f => f.Value))));
}
