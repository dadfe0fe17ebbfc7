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

/// <summary>Channel intake: signed SMS and Telegram messages become Unverified reports with their channel and a queued reply; forgeries create nothing.</summary>
public sealed class IntakeTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    [Fact]
    public async Task Sms_Signed_FilesAnUnverifiedSmsReport_AndQueuesTheReplyWithItsNumber()
    {
        await StaffWorld.CreateAsync(app);
        var body = Json(new { message_id = "sms-001", from = "+6281234500001", name = "Siti", text = "Air PDAM mati tiga hari di RT 04.\nMohon dicek." });

        var response = await PostSignedAsync("sms", body);
        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString()!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.Channel, r.Status, r.Title, r.Id }).SingleAsync());
        Assert.Equal((Channel.Sms, ReportStatus.Unverified, "Air PDAM mati tiga hari di RT 04."), (report.Channel, report.Status, report.Title));
        var identity = await app.WithDbAsync(db => db.ReporterIdentities.Where(i => i.ReportId == report.Id).Select(i => new { i.FullName, i.Phone }).SingleAsync());
        Assert.Equal(("Siti", "+6281234500001"), (identity.FullName, identity.Phone));

        var reply = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Channel == NotificationChannel.Sms && m.Recipient == "+6281234500001").SingleAsync());
        Assert.Contains(number, reply.PayloadJson, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
        // No SMS gateway is configured here: the reply waits, visibly unsent (ChannelSenderTests deliver through one).
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == reply.Id).Select(m => m.SentAt == null && m.LastError == OutboxMessage.ChannelNotConnected).SingleAsync()));

        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var row = (await coordinator.OpenAsync("/inbox")).Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(number, StringComparison.Ordinal));
        Assert.Contains(row.QuerySelectorAll("td"), cell => cell.TextContent.Trim() == "SMS");
    }

    [Fact]
    public async Task Sms_SameMessageTwice_FilesOnceAndRepliesOnce()
    {
        var body = Json(new { message_id = "sms-ulang", from = "+6281234500002", text = "Sampah menumpuk di pasar." });

        var first = await PostSignedAsync("sms", body);
        var second = await PostSignedAsync("sms", body);

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "+6281234500002")));
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000", 0)]
    [InlineData(null, 0)]
    [InlineData("wrong-secret", 0)]
    [InlineData("right-secret", -600)] // signed ten minutes ago: a replay
    public async Task Sms_BadOrStaleSignature_Is401AndCreatesNothing(string? signature, int secondsAgo)
    {
        var body = Json(new { message_id = $"palsu-{signature}-{secondsAgo}", from = "+6281234500003", text = "Laporan palsu." });
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());
        var timestamp = DateTimeOffset.UtcNow.AddSeconds(secondsAgo).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/intake/sms") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(IntakeSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var header = signature switch
        {
            "wrong-secret" => IntakeSignature.Sign("bukan-rahasianya", timestamp, body),
            "right-secret" => IntakeSignature.Sign(LaporAppFactory.IntakeSecret, timestamp, body),
            _ => signature,
        };
        if (header is not null)
        {
            request.Headers.Add(IntakeSignature.SignatureHeader, header);
        }

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Sms_SignedButIncomplete_Is400ProblemDetails()
    {
        var response = await PostSignedAsync("sms", Json(new { message_id = "sms-kosong", from = "+6281234500004", text = " " }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatsApp_WithoutASecretConfigured_IsSwitchedOff()
    {
        var response = await PostSignedAsync("whatsapp", Json(new { message_id = "wa-1", from = "+628", text = "Halo" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Telegram_SecretHeader_FilesATelegramReport_WrongHeaderCreatesNothing()
    {
        var update = Json(new
        {
            update_id = 900001,
            message = new { message_id = 55, from = new { id = 777, first_name = "Andi", last_name = "Wijaya" }, chat = new { id = 777, type = "private" }, date = 1764547200, text = "Lampu lalu lintas di simpang lima mati." },
        });
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var forged = await PostTelegramAsync(update, "bukan-token");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));

        var response = await PostTelegramAsync(update, LaporAppFactory.IntakeSecret);
        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.Channel, r.Id }).SingleAsync());
        Assert.Equal(Channel.Telegram, report.Channel);
        Assert.Equal("Andi Wijaya", await app.WithDbAsync(db => db.ReporterIdentities.Where(i => i.ReportId == report.Id).Select(i => i.FullName).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Channel == NotificationChannel.Telegram && m.Recipient == "777")));

        // Not a report: a sticker, /start (answered with a welcome), a group chat. Acknowledged so Telegram stops retrying, nothing filed.
        foreach (var ignored in new[]
        {
            Json(new { update_id = 900002, message = new { message_id = 56, chat = new { id = 777, type = "private" } } }),
            Json(new { update_id = 900003, message = new { message_id = 57, chat = new { id = 777, type = "private" }, text = "/start" } }),
            Json(new { update_id = 900004, message = new { message_id = 58, chat = new { id = -100, type = "group" }, text = "Jalan rusak" } }),
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostTelegramAsync(ignored, LaporAppFactory.IntakeSecret)).StatusCode);
        }

        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Reports.CountAsync()));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Channel == NotificationChannel.Telegram && m.Recipient == "777" && m.Template == "ConversationWelcome")));
    }

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private Task<HttpResponseMessage> PostSignedAsync(string channel, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/intake/{channel}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(IntakeSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(IntakeSignature.SignatureHeader, IntakeSignature.Sign(LaporAppFactory.IntakeSecret, timestamp, body));
        return app.CreateClient().SendAsync(request);
    }

    private Task<HttpResponseMessage> PostTelegramAsync(byte[] body, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/intake/telegram") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return app.CreateClient().SendAsync(request);
    }
}
