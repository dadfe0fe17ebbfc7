using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Lapor.IntegrationTests.Security;
using Lapor.TestSupport;
using Lapor.TestSupport.Providers;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Channels;
using Lapor.Web.Infrastructure.Notifications;
using Lapor.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Lapor.IntegrationTests.Infrastructure.Channels;

/// <summary>
/// Replies to reporters leave through the real senders to local stand-ins of Telegram's Bot API, the
/// WhatsApp Cloud API and an SMS gateway, each checking the request as the provider documents it.
/// A provider's refusal leaves the message failed and visible in /admin/surat; a channel with no
/// sender configured leaves it waiting, never counted as sent.
/// </summary>
public sealed class ChannelSenderTests(ChannelSenderTests.ConnectedApp app, ManualJobsAppFactory unconnected)
    : IClassFixture<ChannelSenderTests.ConnectedApp>, IClassFixture<ManualJobsAppFactory>
{
    /// <summary>The app with all three channels connected to their stand-ins, the dispatcher driven by the test.</summary>
    public sealed class ConnectedApp : LaporAppFactory
    {
        public TelegramBotApiStandIn Telegram { get; } = new();

        public WhatsAppCloudApiStandIn WhatsApp { get; } = new();

        public SmsGatewayStandIn Sms { get; } = new("POST", """{"to":"{to}","message":"{text}","sender":"LAPOR"}""", json: true);

        /// <summary>Every log event, down to Debug for the HTTP client and Polly, to prove no token or number leaks.</summary>
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mail:DispatchEnabled", "false");
            builder.UseSetting("Deadlines:JobEnabled", "false");
            builder.UseSetting("Channels:RetryDelay", "00:00:00.050");
            builder.UseSetting("Channels:Telegram:BotToken", TelegramBotApiStandIn.Token);
            builder.UseSetting("Channels:Telegram:ApiBaseUrl", Telegram.Address.AbsoluteUri);
            builder.UseSetting("Channels:WhatsApp:AccessToken", WhatsAppCloudApiStandIn.AccessToken);
            builder.UseSetting("Channels:WhatsApp:PhoneNumberId", WhatsAppCloudApiStandIn.PhoneNumberId);
            builder.UseSetting("Channels:WhatsApp:ApiBaseUrl", WhatsApp.ApiBaseUrl.AbsoluteUri);
            builder.UseSetting("Channels:WhatsApp:TemplateName", "lapor_kabar_laporan");
            builder.UseSetting("Channels:WhatsApp:TemplateLanguage", "id");
            builder.UseSetting("Channels:Sms:Url", Sms.Url.AbsoluteUri);
            builder.UseSetting("Channels:Sms:BodyTemplate", Sms.BodyTemplate);
            builder.UseSetting("Channels:Sms:BodyEncoding", "Json");
            builder.UseSetting("Channels:Sms:AuthHeaderName", SmsGatewayStandIn.AuthHeaderName);
            builder.UseSetting("Channels:Sms:AuthHeaderValue", SmsGatewayStandIn.AuthHeaderValue);
            builder.UseSetting("Channels:Sms:SuccessBodyContains", "\"status\":\"1\"");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
            builder.UseSetting("Serilog:MinimumLevel:Override:System.Net.Http", "Debug");
            builder.UseSetting("Serilog:MinimumLevel:Override:Polly", "Debug");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft", "Debug");
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
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
    public async Task Telegram_ReporterWritesToTheBot_TheConfirmationReachesTheBotApi()
    {
        await StaffWorld.CreateAsync(app);
        var update = new
        {
            update_id = 910001,
            message = new { message_id = 71, from = new { id = 5550001234, first_name = "Rina" }, chat = new { id = 5550001234, type = "private" }, date = 1764547200, text = "Jembatan gantung di Desa Sukamaju rusak." },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/intake/telegram") { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(update)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", LaporAppFactory.IntakeSecret);
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString()!;

        await DispatchAsync(app);

        var sent = Assert.Single(app.Telegram.Delivered, m => m.Text.Contains(number, StringComparison.Ordinal));
        Assert.Equal("5550001234", sent.ChatId);
        Assert.Empty(app.Telegram.Violations);
        Assert.NotNull(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == "5550001234").Select(m => m.SentAt).SingleAsync()));
        // The intake recorded when this reporter last wrote (for WhatsApp's window; every channel alike).
        Assert.NotNull(await LastInboundAsync(NotificationChannel.Telegram, "5550001234"));
    }

    [Fact]
    public async Task Sms_ReplyGoesToTheGatewayExactlyAsConfigured()
    {
        var id = await EnqueueAsync(app, NotificationChannel.Sms, "+62 812-3456-0001", "LPR-SMSA-2345");

        await DispatchAsync(app);

        var sent = Assert.Single(app.Sms.Delivered, m => m.Text.Contains("LPR-SMSA-2345", StringComparison.Ordinal));
        Assert.Equal("+6281234560001", sent.To); // in E.164, Channels:Sms:NumberFormat's default, however it was stored
        Assert.Empty(app.Sms.Violations);
        Assert.NotNull((await RowAsync(app, id)).SentAt);
    }

    [Fact]
    public async Task WhatsApp_ReporterWroteWithinADay_ReplyIsFreeText()
    {
        await RecordInboundAsync(NotificationChannel.WhatsApp, "6281234560002");
        await EnqueueAsync(app, NotificationChannel.WhatsApp, "6281234560002", "LPR-WAIN-2345");

        await DispatchAsync(app);

        var sent = Assert.Single(app.WhatsApp.Delivered, m => m.To == "6281234560002");
        Assert.Equal("text", sent.Type);
        Assert.Contains("LPR-WAIN-2345", sent.Text, StringComparison.Ordinal);
        Assert.Empty(app.WhatsApp.Violations);
    }

    [Fact]
    public async Task WhatsApp_ReporterNeverWroteOnWhatsApp_ReplyIsTheTemplateWithTheTextOnOneLine()
    {
        var id = await EnqueueAsync(app, NotificationChannel.WhatsApp, "6281234560003", "LPR-WAOT-2345");

        await DispatchAsync(app);

        var sent = Assert.Single(app.WhatsApp.Delivered, m => m.To == "6281234560003");
        Assert.Equal(("template", "lapor_kabar_laporan", "id"), (sent.Type, sent.Template, sent.Language));
        Assert.Equal("LPR-WAOT-2345", sent.Parameters[0]);
        Assert.Contains("LPR-WAOT-2345", sent.Parameters[1], StringComparison.Ordinal);
        Assert.Empty(app.WhatsApp.Violations);
        Assert.NotNull((await RowAsync(app, id)).SentAt);
    }

    [Fact]
    public async Task WhatsApp_PlatformSaysTheWindowClosed_TheTemplateGoesInstead()
    {
        await RecordInboundAsync(NotificationChannel.WhatsApp, "6281234560004");
        app.WhatsApp.WindowClosedFor("6281234560004");
        var id = await EnqueueAsync(app, NotificationChannel.WhatsApp, "6281234560004", "LPR-WA47-2345");

        await DispatchAsync(app);

        var sent = Assert.Single(app.WhatsApp.Delivered, m => m.To == "6281234560004");
        Assert.Equal("template", sent.Type);
        Assert.NotNull((await RowAsync(app, id)).SentAt);
    }

    [Fact]
    public async Task Telegram_BotBlockedByTheUser_MessageFailsForGood_AndAdministratorsSeeItMasked()
    {
        await StaffWorld.CreateAsync(app);
        app.Telegram.BlockedBy("5550009876");
        var id = await EnqueueAsync(app, NotificationChannel.Telegram, "5550009876", "LPR-BLOK-2345");

        await DispatchAsync(app);

        var row = await RowAsync(app, id);
        Assert.Null(row.SentAt);
        Assert.NotNull(row.DeadLetteredAt); // permanent: no point in trying again
        Assert.Equal("Telegram 403: Forbidden: bot was blocked by the user", row.LastError);

        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var page = await admin.OpenAsync("/admin/surat");
        var line = page.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("***9876", StringComparison.Ordinal));
        Assert.Contains("Telegram 403: Forbidden: bot was blocked by the user", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("Telegram", line.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("5550009876", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramBotApiStandIn.Token, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatsApp_UndeliverableNumber_FailsForGoodWithTheProvidersError()
    {
        app.WhatsApp.Undeliverable("6281234560005");
        var id = await EnqueueAsync(app, NotificationChannel.WhatsApp, "6281234560005", "LPR-WAUD-2345");

        await DispatchAsync(app);

        var row = await RowAsync(app, id);
        Assert.NotNull(row.DeadLetteredAt);
        Assert.Contains("code 131026", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("6281234560005", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_GatewayRefusesTheNumber_FailsForGood_NotSentTwice()
    {
        app.Sms.RefuseNumber("+6281234560006"); // the gateway gets E.164, Channels:Sms:NumberFormat's default
        var before = app.Sms.RequestCount;
        var id = await EnqueueAsync(app, NotificationChannel.Sms, "081234560006", "LPR-SMSX-2345");

        await DispatchAsync(app);

        var row = await RowAsync(app, id);
        Assert.NotNull(row.DeadLetteredAt);
        Assert.Contains("Nomor tujuan tidak valid", row.LastError, StringComparison.Ordinal);
        Assert.Equal(before + 1, app.Sms.RequestCount); // a 4xx is never retried
    }

    [Fact]
    public async Task Telegram_TooManyRequests_WaitsAsLongAsTelegramAsks()
    {
        app.Telegram.FloodFor("5550004321", 900);
        var id = await EnqueueAsync(app, NotificationChannel.Telegram, "5550004321", "LPR-FLUD-2345");
        var before = DateTimeOffset.UtcNow;

        await DispatchAsync(app);

        var row = await RowAsync(app, id);
        Assert.Null(row.SentAt);
        Assert.Null(row.DeadLetteredAt);
        Assert.Equal(1, row.Attempts);
        Assert.True(row.NextAttemptAt >= before.AddSeconds(900), $"next attempt {row.NextAttemptAt:O}, asked to wait 900 s from {before:O}");
    }

    [Fact]
    public async Task Telegram_BadGatewayOnce_IsRetriedAtOnce_AndDeliveredOnce()
    {
        app.Telegram.FailNextWithBadGateway();
        var before = app.Telegram.RequestCount;
        var id = await EnqueueAsync(app, NotificationChannel.Telegram, "5550002468", "LPR-RTRY-2345");

        await DispatchAsync(app);

        Assert.Single(app.Telegram.Delivered, m => m.Text.Contains("LPR-RTRY-2345", StringComparison.Ordinal));
        Assert.Equal(before + 2, app.Telegram.RequestCount);
        Assert.NotNull((await RowAsync(app, id)).SentAt);
    }

    [Fact]
    public async Task Logs_NeverCarryTheTokensNumbersOrChatIds()
    {
        app.Telegram.FailNextWithBadGateway();
        app.Telegram.BlockedBy("5550008642");
        app.WhatsApp.Undeliverable("6281234568642");
        await EnqueueAsync(app, NotificationChannel.Telegram, "5550007531", "LPR-LOGA-2345");
        await EnqueueAsync(app, NotificationChannel.Telegram, "5550008642", "LPR-LOGB-2345");
        await EnqueueAsync(app, NotificationChannel.WhatsApp, "6281234568642", "LPR-LOGC-2345");
        await EnqueueAsync(app, NotificationChannel.Sms, "081234568642", "LPR-LOGD-2345");

        await DispatchAsync(app);

        var logged = app.Logs.Lines;
        Assert.Contains(logged, line => line.Contains("bot was blocked by the user", StringComparison.Ordinal));
        Assert.Contains(logged, line => line.Contains("code 131026", StringComparison.Ordinal));
        foreach (var secret in new[] { TelegramBotApiStandIn.Token, WhatsAppCloudApiStandIn.AccessToken, SmsGatewayStandIn.AuthHeaderValue, "5550007531", "5550008642", "6281234568642", "081234568642", "+6281234568642" })
        {
            Assert.DoesNotContain(logged, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ChannelNotConnected_MessageWaitsVisibly_AndIsNeverCountedAsSent()
    {
        await StaffWorld.CreateAsync(unconnected);
        var sentCounted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LaporMetrics.MeterName && instrument.Name == "lapor.outbox.sent")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "channel", Value: "Telegram" })
                {
                    Interlocked.Add(ref sentCounted, (int)value);
                }
            }
        });
        listener.Start();
        var id = await EnqueueAsync(unconnected, NotificationChannel.Telegram, "5550001357", "LPR-WAIT-2345");

        Assert.Equal(0, await DispatchAsync(unconnected));

        var row = await RowAsync(unconnected, id);
        Assert.Null(row.SentAt);
        Assert.Null(row.DeadLetteredAt);
        Assert.Equal(0, row.Attempts);
        Assert.True(row.WaitsForChannel);
        Assert.Equal(0, sentCounted);
        var page = await (await Staff.SignInAsync(unconnected, StaffWorld.Admin)).OpenAsync("/admin/surat");
        var line = page.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("***1357", StringComparison.Ordinal));
        Assert.Contains("Menunggu kanal tersambung", line.TextContent, StringComparison.Ordinal);

        // The operator reads the kind of message and the channel in their language, not a template id or an English reason.
        Assert.Contains("Konfirmasi laporan diterima", line.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("FilingConfirmation", line.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboxMessage.ChannelNotConnected, line.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageThatWaitedForItsChannel_LeavesOnTheFirstRunOnceTheChannelIsConnected()
    {
        // As an instance without an SMS sender left it: waiting, its next look half an hour away.
        var id = await EnqueueAsync(app, NotificationChannel.Sms, "+6281234569911", "LPR-WAIT-9911");
        await app.WithDbAsync(async db =>
        {
            var row = await db.OutboxMessages.SingleAsync(m => m.Id == id);
            row.WaitForChannel(DateTimeOffset.UtcNow.AddMinutes(30));
            await db.SaveChangesAsync();
        });

        // The portal now runs with the gateway configured: the message does not wait out its half hour.
        await DispatchAsync(app);

        Assert.Single(app.Sms.Delivered, m => m.Text.Contains("LPR-WAIT-9911", StringComparison.Ordinal));
        var sent = await RowAsync(app, id);
        Assert.NotNull(sent.SentAt);
        Assert.False(sent.WaitsForChannel);
    }

    private static async Task<int> DispatchAsync(LaporAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    private static Task<long> EnqueueAsync(LaporAppFactory factory, NotificationChannel channel, string recipient, string trackingNumber) => factory.WithDbAsync(async db =>
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, string> { ["TrackingNumber"] = trackingNumber, ["Title"] = "Uji" });
        var message = new OutboxMessage(channel, "FilingConfirmation", recipient, "id", payload, null, DateTimeOffset.UtcNow);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private static Task<OutboxMessage> RowAsync(LaporAppFactory factory, long id) => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private async Task RecordInboundAsync(NotificationChannel channel, string address)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChannelContacts>().RecordInboundAsync(channel, address, CancellationToken.None);
    }

    private async Task<DateTimeOffset?> LastInboundAsync(NotificationChannel channel, string address)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChannelContacts>().LastInboundAsync(channel, address, CancellationToken.None);
    }
}
