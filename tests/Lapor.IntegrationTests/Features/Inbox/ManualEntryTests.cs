using System.Net;
using System.Text.RegularExpressions;
using Lapor.TestSupport;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Integrations.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Inbox;

public sealed partial class ManualEntryTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Officer_EntersLetter_ReportKeepsChannelAndEnterer_CitizenGetsAccessCode()
    {
        await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var form = await officer.OpenAsync("/inbox/baru");

        var response = await officer.Client.PostAsync("/inbox/baru", Form(form, ("Form.Channel", "Letter"), ("Form.ReporterName", "Pak Slamet")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await officer.OpenAsync(response.Headers.Location!.OriginalString);
        var match = EnteredMessage().Match(page.Text);
        Assert.True(match.Success, page.Text);
        var report = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.TrackingNumber == match.Groups[1].Value));
        Assert.Equal(Channel.Letter, report.Channel);
        Assert.Equal(ReportStatus.Unverified, report.Status);
        Assert.NotNull(report.EnteredByUserId);
        Assert.Null(report.ReporterUserId);
        Assert.True(AccessCode.Verify(match.Groups[2].Value, report.AccessCodeHash));
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        Assert.Contains(report.TrackingNumber, (await coordinator.OpenAsync("/inbox")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManualEntry_WebChannelOrMissingTitle_IsRefusedKeepingInput()
    {
        await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var form = await officer.OpenAsync("/inbox/baru");
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var result = await HtmlPage.FromAsync(await officer.Client.PostAsync("/inbox/baru", Form(form, ("Form.Channel", "Web"), ("Form.Title", ""), ("Form.ReporterName", "Bu Tini"))));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.NotNull(result.FieldError("Form.Channel"));
        Assert.NotNull(result.FieldError("Form.Title"));
        Assert.Equal("Bu Tini", result.InputValue("Form.ReporterName"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Coordinator_RecordsWhatsAppReport_ReporterHearsOnWhatsApp_AndTheirNextMessageJoinsIt()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var form = await coordinator.OpenAsync("/inbox/baru");
        Assert.Contains("kabar laporan dikirim ke nomor ini lewat kanal itu", form.Text, StringComparison.Ordinal);

        var response = await coordinator.Client.PostAsync("/inbox/baru",
            Form(form, ("Form.Channel", "WhatsApp"), ("Form.ReporterName", "Dewi"), ("Form.ReporterPhone", "0812-7777-0000")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await coordinator.OpenAsync(response.Headers.Location!.OriginalString);
        var match = EnteredOnChannelMessage().Match(page.Text);
        Assert.True(match.Success, page.Text);
        var number = match.Groups[1].Value;
        var identity = await app.WithDbAsync(db => db.ReporterIdentities.AsNoTracking().SingleAsync(i => i.Report!.TrackingNumber == number));
        Assert.Equal((NotificationChannel.WhatsApp, "+6281277770000"), (identity.ReplyChannel, identity.ReplyTo));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m =>
            m.Template == "FilingConfirmation" && m.Channel == NotificationChannel.WhatsApp && m.Recipient == "+6281277770000")));

        // The same person writes on WhatsApp later, the gateway spelling the number its own way: it is the same report.
        var reports = await app.WithDbAsync(db => db.Reports.CountAsync());
        var message = IncomingMessage.FromSender(Channel.WhatsApp, "wamid.staff-filed-1", "6281277770000", "Dewi", "Sudah ada petugas yang datang?")!;
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<Conversation>().ReceiveAsync(message, CancellationToken.None);

        Assert.Equal(new Conversation.FollowedUp(number), outcome);
        Assert.Equal(reports, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task ManualEntry_SmsWithoutAReachableNumber_IsRefused_LetterKeepsAnyNumberWithoutChannel()
    {
        await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var form = await officer.OpenAsync("/inbox/baru");

        var refused = await HtmlPage.FromAsync(await officer.Client.PostAsync("/inbox/baru", Form(form, ("Form.Channel", "Sms"), ("Form.ReporterPhone", "81277770001"))));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("diawali 0, 62 atau +", refused.FieldError("Form.ReporterPhone"), StringComparison.Ordinal);

        var letter = await officer.Client.PostAsync("/inbox/baru", Form(form, ("Form.Channel", "Letter"), ("Form.ReporterPhone", "081277770001")));
        Assert.Equal(HttpStatusCode.Redirect, letter.StatusCode);
        var number = EnteredMessage().Match((await officer.OpenAsync(letter.Headers.Location!.OriginalString)).Text).Groups[1].Value;
        var identity = await app.WithDbAsync(db => db.ReporterIdentities.AsNoTracking().SingleAsync(i => i.Report!.TrackingNumber == number));
        Assert.Equal(("081277770001", (NotificationChannel?)null), (identity.Phone, identity.ReplyChannel));
    }

    [Theory]
    [InlineData(StaffWorld.HeadA)]
    [InlineData(StaffWorld.Overseer)]
    [InlineData(StaffWorld.CitizenX)]
    public async Task ManualEntry_RolesWithoutIntake_AreRefused(string email)
    {
        await StaffWorld.CreateAsync(app);
        var user = await Staff.SignInAsync(app, email);

        Assert.Equal(HttpStatusCode.Forbidden, (await user.OpenAsync("/inbox/baru")).Status);
    }

    private static MultipartFormDataContent Form(HtmlPage page, params (string Name, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken("/inbox/baru"),
            ["Form.SubmissionToken"] = page.InputValue("Form.SubmissionToken"),
            ["Form.Classification"] = "Complaint",
            ["Form.Title"] = "Surat warga: jembatan desa retak",
            ["Form.Body"] = "Surat tertanggal 18 November melaporkan jembatan di Desa Sukamaju retak dan miring.",
        };
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        var form = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    [GeneratedRegex(@"Laporan (LPR-[A-Z0-9]{4}-[A-Z0-9]{4}) tercatat\. Sampaikan kode akses ([A-Z0-9-]+) kepada pelapor")]
    private static partial Regex EnteredMessage();

    [GeneratedRegex(@"Laporan (LPR-[A-Z0-9]{4}-[A-Z0-9]{4}) tercatat\. Kabar laporan dikirim lewat WhatsApp ke \+6281277770000")]
    private static partial Regex EnteredOnChannelMessage();
}
