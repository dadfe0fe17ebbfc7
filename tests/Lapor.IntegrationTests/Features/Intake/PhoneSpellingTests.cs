using System.Globalization;
using System.Net;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.TestSupport.Providers;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Integrations.Intake;
using Lapor.Web.Infrastructure.Channels;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Intake;

/// <summary>
/// One reporter, however the gateway spells their number: a reply from 0812… answers the question asked of the
/// report filed from +62812…, WhatsApp's 62812… and a later 0812… are one sender; and Telegram's bot commands
/// (/start, /status, /cek …) are answered on the Bot API stand-in instead of being dropped.
/// </summary>
public sealed class PhoneSpellingTests(PhoneSpellingTests.ConnectedApp app) : IClassFixture<PhoneSpellingTests.ConnectedApp>
{
    /// <summary>SMS, the WhatsApp relay and Telegram switched on; replies leave through the real senders to their stand-ins when the test dispatches.</summary>
    public sealed class ConnectedApp : LaporAppFactory
    {
        public TelegramBotApiStandIn Telegram { get; } = new();

        public WhatsAppCloudApiStandIn WhatsApp { get; } = new();

        public SmsGatewayStandIn Sms { get; } = new("POST", """{"to":"{to}","message":"{text}","sender":"LAPOR"}""", json: true);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mail:DispatchEnabled", "false");
            builder.UseSetting("Deadlines:JobEnabled", "false");
            builder.UseSetting("Intake:WhatsAppSecret", IntakeSecret);
            builder.UseSetting("Channels:Telegram:BotToken", TelegramBotApiStandIn.Token);
            builder.UseSetting("Channels:Telegram:ApiBaseUrl", Telegram.Address.AbsoluteUri);
            builder.UseSetting("Channels:WhatsApp:AccessToken", WhatsAppCloudApiStandIn.AccessToken);
            builder.UseSetting("Channels:WhatsApp:PhoneNumberId", WhatsAppCloudApiStandIn.PhoneNumberId);
            builder.UseSetting("Channels:WhatsApp:ApiBaseUrl", WhatsApp.ApiBaseUrl.AbsoluteUri);
            builder.UseSetting("Channels:WhatsApp:TemplateName", "lapor_kabar_laporan");
            builder.UseSetting("Channels:Sms:Url", Sms.Url.AbsoluteUri);
            builder.UseSetting("Channels:Sms:BodyTemplate", Sms.BodyTemplate);
            builder.UseSetting("Channels:Sms:AuthHeaderName", SmsGatewayStandIn.AuthHeaderName);
            builder.UseSetting("Channels:Sms:AuthHeaderValue", SmsGatewayStandIn.AuthHeaderValue);
            builder.UseSetting("Channels:Sms:SuccessBodyContains", "\"status\":\"1\"");
            builder.UseSetting("Channels:Sms:NumberFormat", "National");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Telegram.Dispose();
            WhatsApp.Dispose();
            Sms.Dispose();
        }
    }

    [Fact]
    public async Task Sms_ReplyFromTheNationalSpelling_AnswersTheQuestion_OnTheReportFiledFromE164()
    {
        await StaffWorld.CreateAsync(app);
        var number = await MessageAsync("sms", "+6281237700101", "Lampu jalan di Jl. Kenanga mati.") ?? throw new InvalidOperationException("Nothing filed.");
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "tunda", ("Text", "Tiang nomor berapa?"));
        Assert.Equal(ReportStatus.OnHold, await StatusAsync(number));
        var reports = await app.WithDbAsync(db => db.Reports.CountAsync());

        var answer = await MessageAsync("sms", "0812-3770-0101", "Tiang nomor 12, depan sekolah.");

        Assert.Equal(number, answer);
        Assert.Equal(reports, await app.WithDbAsync(db => db.Reports.CountAsync()));
        Assert.Equal(ReportStatus.Unverified, await StatusAsync(number));
        Assert.True(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Tiang nomor 12, depan sekolah." && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number))));
        Assert.Equal(["+6281237700101"], await app.WithDbAsync(db => db.ReporterIdentities.Where(i => db.Reports.Any(r => r.Id == i.ReportId && r.TrackingNumber == number)).Select(i => i.ReplyTo).ToListAsync()));

        // The reply leaves to the gateway in the spelling it was configured to take (Channels:Sms:NumberFormat = National).
        await DispatchAsync();
        Assert.Contains(app.Sms.Delivered, m => m.To == "081237700101" && m.Text.Contains(number, StringComparison.Ordinal));
        Assert.Empty(app.Sms.Violations);
    }

    [Fact]
    public async Task WhatsApp_FromDigitsOnly_ThenCekAndStatusFromOtherSpellings_FindTheSameReport_InsideTheWindow()
    {
        await StaffWorld.CreateAsync(app);
        var number = await MessageAsync("whatsapp", "6281237700102", "Got mampet di Gang Melati.") ?? throw new InvalidOperationException("Nothing filed.");

        Assert.Null(await MessageAsync("whatsapp", "0812 3770 0102", $"CEK {number}"));
        Assert.Null(await MessageAsync("whatsapp", "+62 812-3770-0102", "STATUS"));

        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Template == "ConversationNotFound" || m.Template == "ConversationNoneOpen")));
        await DispatchAsync();
        var sent = app.WhatsApp.Delivered.Where(m => m.To == "6281237700102").ToList();
        Assert.Contains(sent, m => m.Type == "text" && m.Text!.StartsWith($"Laporan {number} (Got mampet", StringComparison.Ordinal)); // CEK
        Assert.Contains(sent, m => m.Type == "text" && m.Text!.StartsWith("Laporan Anda yang masih berjalan", StringComparison.Ordinal) && m.Text.Contains(number, StringComparison.Ordinal)); // STATUS
        Assert.Empty(app.WhatsApp.Violations);

        // Every spelling touched one contact row: WhatsApp's 24-hour window is open for the number the replies go to.
        await using var scope = app.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<ChannelContacts>().LastInboundAsync(NotificationChannel.WhatsApp, "+6281237700102", CancellationToken.None));
        var hash = ChannelContact.HashOf(NotificationChannel.WhatsApp, "081237700102");
        Assert.Equal(1, await app.WithDbAsync(db => db.ChannelContacts.CountAsync(c => c.AddressHash == hash)));
    }

    [Fact]
    public async Task Sms_FromASenderThatIsNoPhoneNumber_IsRefused_NothingFiled()
    {
        var reports = await app.WithDbAsync(db => db.Reports.CountAsync());

        var response = await PostSignedAsync("sms", Json(new { message_id = Guid.NewGuid().ToString("N"), from = "TELKOMSEL", text = "Paket internet Anda habis." }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reports, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Telegram_SlashCommands_AreAnsweredOnTheBotApi_NoneFilesAReport()
    {
        await StaffWorld.CreateAsync(app);
        const long chat = 5550101010;
        var number = await TelegramAsync(chat, 1, "Pohon tumbang menutup Jl. Mawar.") ?? throw new InvalidOperationException("Nothing filed.");
        var reports = await app.WithDbAsync(db => db.Reports.CountAsync());

        Assert.Null(await TelegramAsync(chat, 2, "/start"));
        Assert.Null(await TelegramAsync(chat, 3, "/status"));
        Assert.Null(await TelegramAsync(chat, 4, $"/cek@LaporKotaBot {number}"));
        Assert.Null(await TelegramAsync(chat, 5, "/pengaturan"));

        Assert.Equal(reports, await app.WithDbAsync(db => db.Reports.CountAsync()));
        await DispatchAsync();
        var sent = app.Telegram.Delivered.Where(m => m.ChatId == chat.ToString(CultureInfo.InvariantCulture)).Select(m => m.Text).ToList();
        Assert.Contains(sent, t => t.StartsWith("Selamat datang di layanan pengaduan Lapor.", StringComparison.Ordinal) && t.Contains("STATUS", StringComparison.Ordinal)); // /start
        Assert.Contains(sent, t => t.StartsWith("Laporan Anda yang masih berjalan", StringComparison.Ordinal) && t.Contains(number, StringComparison.Ordinal)); // /status
        Assert.Contains(sent, t => t.StartsWith($"Laporan {number} (Pohon tumbang", StringComparison.Ordinal)); // /cek
        Assert.Contains(sent, t => t.StartsWith("Kirim keluhan Anda dalam satu pesan", StringComparison.Ordinal)); // an unknown command: how it works
        Assert.Empty(app.Telegram.Violations);
    }

    private async Task<string?> MessageAsync(string channel, string from, string text)
    {
        var response = await PostSignedAsync(channel, Json(new { message_id = Guid.NewGuid().ToString("N"), from, text }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
    }

    private async Task<string?> TelegramAsync(long chat, long messageId, string text)
    {
        var update = Json(new { update_id = 930000 + messageId, message = new { message_id = messageId, from = new { id = chat, first_name = "Dewi" }, chat = new { id = chat, type = "private" }, date = 1764547200, text } });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/intake/telegram") { Content = new ByteArrayContent(update) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", LaporAppFactory.IntakeSecret);
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
    }

    private async Task DispatchAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    private Task<ReportStatus> StatusAsync(string number) =>
        app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync());

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private Task<HttpResponseMessage> PostSignedAsync(string channel, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/intake/{channel}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(IntakeSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(IntakeSignature.SignatureHeader, IntakeSignature.Sign(LaporAppFactory.IntakeSecret, timestamp, body));
        return app.CreateClient().SendAsync(request);
    }
}
