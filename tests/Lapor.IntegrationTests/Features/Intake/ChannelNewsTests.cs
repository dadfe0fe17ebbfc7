using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapor.IntegrationTests.Infrastructure.Channels;
using Lapor.TestSupport;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Features.Integrations.Intake;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Intake;

/// <summary>
/// What an SMS reporter receives for the workflow's news, as it reaches the SMS gateway stand-in: the
/// answer's own words (a feature phone may never open a page), a link that opens the whole report in a
/// browser that never saw the access code, and text in the GSM 7-bit alphabet, so no segment is paid
/// twice for a dash.
/// </summary>
public sealed partial class ChannelNewsTests(ChannelSenderTests.ConnectedApp app) : IClassFixture<ChannelSenderTests.ConnectedApp>
{
    [Fact]
    public async Task Sms_Response_CarriesItsText_AndAPrivateLinkThatOpensTheWholeReport_InGsm7Bit()
    {
        var world = await StaffWorld.CreateAsync(app);
        const string phone = "+6281237790001";
        var number = await FileBySmsAsync(phone, "Jalan berlubang di depan SD Negeri 3 Sukamaju, sangat berbahaya bagi anak-anak.");
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        // For the reporter alone (not public): the reporter is whom it is addressed to.
        await officer.ActAsync(number, "tanggapi", ("Text", "Regu kami datang hari Kamis — mohon lubangnya “ditandai” dulu…"));
        await DispatchAsync();

        var confirmation = Delivered(phone).First(t => t.Contains("sudah kami terima", StringComparison.Ordinal));
        var response = Delivered(phone).Single(t => t.Contains("Regu kami", StringComparison.Ordinal));
        Assert.Contains("Regu kami datang hari Kamis - mohon lubangnya \"ditandai\" dulu...", response, StringComparison.Ordinal);
        Assert.All(Delivered(phone), text => Assert.True(GsmText.IsGsm(text), $"not GSM 7-bit: {text}"));
        Assert.True(GsmText.Segments(confirmation) <= 3, $"the confirmation takes {GsmText.Segments(confirmation)} segments");
        Assert.Empty(app.Sms.Violations);

        // The link in the news opens the full page in a browser that never had the access code.
        var link = PrivateLink().Match(response);
        Assert.True(link.Success, response);
        var browser = app.CreateBrowser();
        var opened = await browser.GetAsync(new Uri(link.Value).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var page = await HtmlPage.GetAsync(browser, opened.Headers.Location!.OriginalString);
        Assert.Equal($"/lacak/{number}", opened.Headers.Location!.OriginalString);
        Assert.Contains("anak-anak", page.Text, StringComparison.Ordinal);
        Assert.Contains("Regu kami datang hari Kamis", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#AccessCode"));
    }

    [Fact]
    public async Task Sms_LongFinalResponse_IsClippedWithTheLinkKept_WhileTelegramTakesItWhole()
    {
        var world = await StaffWorld.CreateAsync(app);
        const string phone = "+6281237790002";
        var number = await FileBySmsAsync(phone, "Saluran air di Jl. Kenanga tersumbat sampah sejak seminggu.");
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var answer = "Saluran sudah dibersihkan oleh regu kebersihan. " + string.Concat(Enumerable.Repeat("Sampah diangkut ke TPS dan saluran dibilas dengan air bersih. ", 12)) + "AKHIR-JAWABAN";
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(number, "tindak-lanjut-akhir", ("Text", answer), ("Public", "true"));
        await DispatchAsync();

        var final = Delivered(phone).Single(t => t.Contains("Saluran sudah dibersihkan", StringComparison.Ordinal));
        Assert.DoesNotContain("AKHIR-JAWABAN", final, StringComparison.Ordinal);
        Assert.Contains("...", final, StringComparison.Ordinal);
        Assert.True(final.Length <= ChatText.MaxMessageLength(NotificationChannel.Sms), $"{final.Length} characters");
        Assert.True(PrivateLink().IsMatch(final), final);
        Assert.True(GsmText.IsGsm(final));

        // The same news on Telegram has room for all of it.
        var telegram = await ComposedAsync(NotificationChannel.Telegram, number, "FinalResponse");
        Assert.Contains("AKHIR-JAWABAN", telegram, StringComparison.Ordinal);
        Assert.True(PrivateLink().IsMatch(telegram), telegram);
    }

    [Fact]
    public async Task WhatsAppTemplate_ReadsWell_WithAndWithoutAReport()
    {
        // Neither number ever wrote on WhatsApp: outside the 24-hour window, only the template goes.
        await app.WithDbAsync(async db =>
        {
            var completed = new Dictionary<string, string> { ["TrackingNumber"] = "LPR-WATP-2345", ["Title"] = "Uji", ["LinkToken"] = "tok" };
            db.OutboxMessages.Add(new OutboxMessage(NotificationChannel.WhatsApp, "Completed", "6281237790011", "id", JsonSerializer.Serialize(completed), null, DateTimeOffset.UtcNow));
            db.OutboxMessages.Add(new OutboxMessage(NotificationChannel.WhatsApp, "ConversationNoneOpen", "6281237790012", "id", "{}", null, DateTimeOffset.UtcNow));

            // Queued before the news carried the private link: the plain page, not a link with no token.
            var older = new Dictionary<string, string> { ["TrackingNumber"] = "LPR-WAOL-2345", ["Title"] = "Uji" };
            db.OutboxMessages.Add(new OutboxMessage(NotificationChannel.WhatsApp, "Completed", "6281237790013", "id", JsonSerializer.Serialize(older), null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        await DispatchAsync();

        var news = Assert.Single(app.WhatsApp.Delivered, m => m.To == "6281237790011");
        var status = Assert.Single(app.WhatsApp.Delivered, m => m.To == "6281237790012");
        Assert.Equal("template", news.Type);
        Assert.Equal("LPR-WATP-2345", news.Parameters[0]);
        Assert.StartsWith("Laporan selesai. Terima kasih telah melapor. http", news.Parameters[1], StringComparison.Ordinal);
        Assert.EndsWith("/lacak/LPR-WATP-2345/tautan?t=tok", news.Parameters[1], StringComparison.Ordinal);
        Assert.Equal("Anda", status.Parameters[0]);
        Assert.EndsWith("/lacak/LPR-WAOL-2345", Assert.Single(app.WhatsApp.Delivered, m => m.To == "6281237790013").Parameters[1], StringComparison.Ordinal);
        Assert.DoesNotContain(app.WhatsApp.Delivered, m => m.Parameters.Count > 0 && m.Parameters[0] == "-");
        Assert.Empty(app.WhatsApp.Violations);
    }

    private IEnumerable<string> Delivered(string phone) => app.Sms.Delivered.Where(m => m.To == phone).Select(m => m.Text);

    /// <summary>The chat text of the reporter's row as a Telegram reporter would get it (the same payload, another channel's room).</summary>
    private async Task<string> ComposedAsync(NotificationChannel channel, string number, string template)
    {
        var row = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.OutboxMessages.Where(m => m.Template == template && m.Channel != NotificationChannel.Email && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number))));
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<MailTemplates>().ComposeText(row.Template, row.Culture, row.PayloadJson, ChatText.MaxMessageLength(channel));
    }

    private async Task DispatchAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<string> FileBySmsAsync(string from, string text)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { message_id = Guid.NewGuid().ToString("N"), from, text });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/intake/sms") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(IntakeSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(IntakeSignature.SignatureHeader, IntakeSignature.Sign(LaporAppFactory.IntakeSecret, timestamp, body));
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString()!;
    }

    [GeneratedRegex(@"https?://\S+/lacak/LPR-[A-Z0-9-]+/tautan\?t=[A-Za-z0-9_-]+")]
    private static partial Regex PrivateLink();
}
