using System.Globalization;
using System.Net;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Integrations.Intake;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Intake;

/// <summary>
/// What a reporter on SMS or Telegram does besides reporting: decides on the final response (PUAS, BELUM PUAS)
/// through the tracking page's own domain step, aims a message at one of their reports (LPR-… text), asks for
/// confidentiality or anonymity, and reads the answers in their Telegram app's language.
/// </summary>
public sealed class ChannelReporterTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    [Fact]
    public async Task Sms_Puas_AcceptsTheFinalResponse_AndTheReportEndsAsOnTheTrackingPage()
    {
        var world = await StaffWorld.CreateAsync(app);
        const string phone = "+6281237710001";
        var number = await AnsweredFinallyAsync(world, phone, "Lampu jalan di Jl. Kenari mati.");

        // CEK tells the reporter the decision is theirs, and how to give it.
        Assert.Null(await SmsAsync(phone, $"CEK {number}"));
        var check = await LastReplyAsync(phone, "ConversationReport");
        Assert.Contains("menunggu pernyataan Anda", check, StringComparison.Ordinal);
        Assert.Contains("BELUM PUAS", check, StringComparison.Ordinal);

        // Its link is the reporter's own: it opens the whole page, no access code asked.
        var link = new Uri(check[check.IndexOf("http", StringComparison.Ordinal)..].Split('\n')[0].Trim());
        Assert.Contains("/tautan?t=", link.PathAndQuery, StringComparison.Ordinal);
        var browser = app.CreateBrowser();
        using var opened = await browser.GetAsync(link.PathAndQuery);
        var page = await HtmlPage.GetAsync(browser, opened.Headers.Location!.OriginalString);
        Assert.Contains("Lampu jalan di Jl. Kenari mati.", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#AccessCode"));

        // STATUS says it on the report's line too.
        Assert.Null(await SmsAsync(phone, "STATUS"));
        Assert.Contains($"{number} (Sedang Diproses, balas PUAS atau BELUM PUAS)", await LastReplyAsync(phone, "ConversationOpenList"), StringComparison.Ordinal);

        Assert.Equal(number, await SmsAsync(phone, "PUAS, terima kasih"));

        var report = await StoredAsync(number);
        Assert.Equal(ReportStatus.Completed, report.Status);
        Assert.NotNull(report.CompletedAt);
        var entry = report.Routing.OrderBy(e => e.Id).Last();
        Assert.Equal((RoutingAction.Accept, ActorRole.Citizen, (ReportStatus?)ReportStatus.InProgress, ReportStatus.Completed),
            (entry.Action, entry.ActorRole, entry.FromStatus, entry.ToStatus));
        Assert.All(report.Assignments, a => Assert.Equal(AssignmentState.Completed, a.State));

        // The decision is no information for the report, and the reporter hears "selesai" from the workflow's table.
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "PUAS, terima kasih")));
        Assert.Contains(number, await LastReplyAsync(phone, "Completed"), StringComparison.Ordinal);
        Assert.Contains("Pelapor menyatakan puas", (await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).OpenAsync($"/inbox/{number}")).Text, StringComparison.Ordinal);

        // Nothing waits any more: another PUAS is answered, not filed as a report called "PUAS".
        var reports = await app.WithDbAsync(db => db.Reports.CountAsync());
        Assert.Null(await SmsAsync(phone, "puas"));
        Assert.Equal(reports, await app.WithDbAsync(db => db.Reports.CountAsync()));
        Assert.Contains("Belum ada tindak lanjut akhir", await LastReplyAsync(phone, "ConversationNoVerdict"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_BelumPuas_RejectsWithTheReason_TheAgencyHears_AndAPlainMessageMeanwhileRemindsHowToDecide()
    {
        var world = await StaffWorld.CreateAsync(app);
        const string phone = "+6281237710002";
        var number = await AnsweredFinallyAsync(world, phone, "Saluran di Jl. Flamboyan tersumbat.");

        // Neither decision: kept as information, and the reporter is told how to decide.
        Assert.Equal(number, await SmsAsync(phone, "Petugas datang kemarin sore."));
        Assert.True(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Petugas datang kemarin sore.")));
        Assert.Contains("balas PUAS", await LastReplyAsync(phone, "ConversationAddedVerdictWaits"), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.InProgress, (await StoredAsync(number)).Status);

        // A rejection says why, as on the tracking page.
        Assert.Null(await SmsAsync(phone, "BELUM PUAS"));
        Assert.Contains("Tuliskan alasan Anda", await LastReplyAsync(phone, "ConversationReasonNeeded"), StringComparison.Ordinal);
        Assert.Equal(AssignmentState.FinalResponded, Assert.Single((await StoredAsync(number)).Assignments).State);

        Assert.Equal(number, await SmsAsync(phone, "Belum puas: airnya masih menggenang"));

        var report = await StoredAsync(number);
        Assert.Equal(ReportStatus.InProgress, report.Status);
        var share = Assert.Single(report.Assignments);
        Assert.Equal((AssignmentState.InProgress, 1), (share.State, share.RejectionCount));
        var entry = report.Routing.OrderBy(e => e.Id).Last();
        Assert.Equal((RoutingAction.Reject, ActorRole.Citizen, "airnya masih menggenang"), (entry.Action, entry.ActorRole, entry.Reason));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Template == "ReporterRejected" && m.Recipient == StaffWorld.OfficerA && m.ReportId == report.Id)));
        Assert.Contains(number, await LastReplyAsync(phone, "ConversationRejected"), StringComparison.Ordinal);
        Assert.Contains("airnya masih menggenang", (await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).OpenAsync($"/inbox/{number}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_MessageStartingWithATrackingNumber_GoesToThatOlderReport_NeverToSomeoneElses()
    {
        await StaffWorld.CreateAsync(app);
        const string phone = "+6281237710003";
        var older = await SmsAsync(phone, "Lampu taman di Jl. Cendana mati.");
        var newer = await SmsAsync(phone, "BARU Trotoar di Jl. Cendana retak.");
        Assert.NotEqual(older, newer);

        Assert.Equal(older, await SmsAsync(phone, $"{older!.ToLowerInvariant()} Ini foto lampunya"));

        Assert.True(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Ini foto lampunya" && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == older))));
        Assert.Contains(older, await LastReplyAsync(phone, "ConversationAdded"), StringComparison.Ordinal);

        // Words of a decision on a report that awaits none are information for it, not lost.
        Assert.Equal(older, await SmsAsync(phone, $"{older} tidak puas, petugasnya belum datang"));
        Assert.True(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "tidak puas, petugasnya belum datang" && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == older))));

        // Another sender naming this report hears exactly what an unknown number gets, and nothing is added.
        const string stranger = "+6281237710004";
        await SmsAsync(stranger, "Lampu di Jl. Cendana masih mati.");
        Assert.Null(await SmsAsync(stranger, $"{older} lampunya sudah menyala"));
        var theirs = await LastOutboxAsync(stranger);
        Assert.Null(await SmsAsync(stranger, "LPR-2222-3333 lampunya sudah menyala"));
        var unknown = await LastOutboxAsync(stranger);
        Assert.Equal(("ConversationNotFound", "ConversationNotFound"), (theirs.Template, unknown.Template));
        Assert.Equal(unknown.PayloadJson.Replace("LPR-2222-3333", older, StringComparison.Ordinal), theirs.PayloadJson);
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "lampunya sudah menyala")));
    }

    [Fact]
    public async Task Sms_BaruRahasia_FilesAConfidentialReport_KeptOutOfThePublicListAndOpen311_AndRahasiaProtectsAnOpenOne()
    {
        var world = await StaffWorld.CreateAsync(app);
        const string phone = "+6281237710005";
        var open = await SmsAsync(phone, "Antrean KTP di kecamatan mengular.");
        Assert.Contains("Ketik RAHASIA dan nomor laporan ini", await LastReplyAsync(phone, "FilingConfirmation"), StringComparison.Ordinal);
        var secret = await SmsAsync(phone, "BARU RAHASIA Ada pungutan di loket KTP kecamatan.");

        // Its confirmation says it is confidential, rather than how to make it so.
        var confirmed = await LastReplyAsync(phone, "FilingConfirmation");
        Assert.Contains("Laporan ini rahasia", confirmed, StringComparison.Ordinal);
        Assert.DoesNotContain("Ketik RAHASIA", confirmed, StringComparison.Ordinal);
        var anonymous = await SmsAsync(phone, "anonim: Petugas loket meminta uang rokok.");
        Assert.Equal(3, new[] { open, secret, anonymous }.Distinct().Count());

        var flags = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == secret || r.TrackingNumber == anonymous)
            .ToDictionaryAsync(r => r.TrackingNumber, r => (r.IsAnonymous, r.IsConfidential, r.Title)));
        Assert.Equal((false, true, "Ada pungutan di loket KTP kecamatan."), flags[secret!]);
        Assert.Equal((true, false, "Petugas loket meminta uang rokok."), flags[anonymous!]);

        // Verified, a report is public unless confidential: the open one is listed, the confidential one is not.
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        foreach (var number in new[] { open!, secret! })
        {
            await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        }

        var list = await GetTextAsync("/laporan");
        var requests = await GetTextAsync("/open311/v2/requests.json");
        Assert.Contains(open!, requests, StringComparison.Ordinal);
        Assert.DoesNotContain(secret!, requests, StringComparison.Ordinal);
        Assert.DoesNotContain("pungutan di loket", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pungutan di loket", requests, StringComparison.OrdinalIgnoreCase);

        // Later, by message: the open report becomes confidential too — and only ever more private.
        Assert.Equal(open, await SmsAsync(phone, $"RAHASIA {open}"));
        Assert.Contains("rahasia", await LastReplyAsync(phone, "ConversationProtected"), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == open).Select(r => r.IsConfidential && !r.IsPublic).SingleAsync()));
        Assert.DoesNotContain(open!, await GetTextAsync("/open311/v2/requests.json"), StringComparison.Ordinal);
        Assert.Equal(RoutingAction.Protect, (await StoredAsync(open!)).Routing.OrderBy(e => e.Id).Last().Action);

        // Someone else's report cannot be touched, and learns nothing.
        Assert.Null(await SmsAsync("+6281237710006", $"ANONIM {anonymous}"));
        Assert.Equal("ConversationNotFound", (await LastOutboxAsync("+6281237710006")).Template);
    }

    [Fact]
    public async Task Telegram_EnglishApp_FilesInEnglish_AndHearsEnglish()
    {
        await StaffWorld.CreateAsync(app);

        var response = await PostTelegramAsync(882001, 1, "en", "The streetlight on Jl. Melati is out.");

        var number = await NumberOfAsync(response);
        Assert.Equal("en", await app.WithDbAsync(db => db.ReporterIdentities.Where(i => db.Reports.Any(r => r.Id == i.ReportId && r.TrackingNumber == number)).Select(i => i.Culture).SingleAsync()));
        Assert.Contains($"Report {number} received", await LastReplyAsync("882001", "FilingConfirmation"), StringComparison.Ordinal);

        await PostTelegramAsync(882001, 2, "en", $"/cek {number}");
        Assert.Contains("Not yet verified", await LastReplyAsync("882001", "ConversationReport"), StringComparison.Ordinal);

        // The help tells every command, privacy and the decision included.
        await PostTelegramAsync(882001, 3, "en", "/bantuan");
        var guide = await LastReplyAsync("882001", "ConversationGuide");
        Assert.Contains("ANONIM so officers never see your name", guide, StringComparison.Ordinal);
        Assert.Contains("BELUM PUAS and your reason", guide, StringComparison.Ordinal);
        Assert.Contains("Start with LPR-XXXX-XXXX", guide, StringComparison.Ordinal);

        // Any other language (or none) is Indonesian.
        var javanese = await NumberOfAsync(await PostTelegramAsync(882002, 1, "jv", "Lampu dalan mati."));
        Assert.Contains($"Laporan {javanese} sudah kami terima", await LastReplyAsync("882002", "FilingConfirmation"), StringComparison.Ordinal);
    }

    /// <summary>A report filed by SMS, verified to agency A, and given its final response by the officer: the decision is the reporter's.</summary>
    private async Task<string> AnsweredFinallyAsync(StaffWorld world, string phone, string text)
    {
        var number = await SmsAsync(phone, text) ?? throw new InvalidOperationException("Not filed.");
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(number, "tindak-lanjut-akhir", ("Text", "Sudah diperbaiki."), ("Public", "true"));
        Assert.Equal(AssignmentState.FinalResponded, Assert.Single((await StoredAsync(number)).Assignments).State);
        Assert.Contains(number, await LastReplyAsync(phone, "FinalResponse"), StringComparison.Ordinal);
        return number;
    }

    private Task<Report> StoredAsync(string number) =>
        app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Routing).Include(r => r.Assignments).AsSplitQuery().SingleAsync(r => r.TrackingNumber == number));

    private async Task<string> GetTextAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>One SMS through the signed intake endpoint; the tracking number it answered with (none for a question answered).</summary>
    private async Task<string?> SmsAsync(string from, string text)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { message_id = Guid.NewGuid().ToString("N"), from, text });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/intake/sms") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(IntakeSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(IntakeSignature.SignatureHeader, IntakeSignature.Sign(LaporAppFactory.IntakeSecret, timestamp, body));
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await NumberOfAsync(response);
    }

    /// <summary>A Telegram update from a user whose app is set to <paramref name="language"/>, as Telegram sends it.</summary>
    private async Task<HttpResponseMessage> PostTelegramAsync(long chat, long messageId, string language, string text)
    {
        var update = JsonSerializer.SerializeToUtf8Bytes(new
        {
            update_id = 920000 + messageId,
            message = new { message_id = messageId, from = new { id = chat, is_bot = false, first_name = "Dewi", language_code = language }, chat = new { id = chat, type = "private" }, date = 1764547200, text },
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/intake/telegram") { Content = new ByteArrayContent(update) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", LaporAppFactory.IntakeSecret);
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<string?> NumberOfAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();

    private Task<OutboxMessage> LastOutboxAsync(string recipient) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == recipient).OrderBy(m => m.Id).LastAsync());

    /// <summary>The text of the last message with this template queued for the recipient on a chat channel, as the channel sends it.</summary>
    private async Task<string> LastReplyAsync(string recipient, string template)
    {
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Recipient == recipient && m.Template == template && m.Channel != NotificationChannel.Email).OrderBy(m => m.Id).LastAsync());
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<MailTemplates>().ComposeText(row.Template, row.Culture, row.PayloadJson);
    }
}
