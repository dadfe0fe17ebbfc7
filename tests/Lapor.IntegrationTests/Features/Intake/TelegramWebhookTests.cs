using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Intake;

/// <summary>Telegram's own webhook on real Kestrel, without a relay: photos through a getFile stand-in, places and voice notes.</summary>
public sealed class TelegramWebhookTests(ChannelIntakeAppFactory app) : IClassFixture<ChannelIntakeAppFactory>
{
    [Fact]
    public async Task Telegram_Photo_LargestSizeFetchedThroughGetFile_WithoutExif()
    {
        app.Telegram.Add("AgACAgUAAxkBAAIBbGZ-besar", "photos/file_7.jpg", TestImages.JpegWithExif(320, 240));
        var message = new
        {
            message_id = 301, from = new { id = 4242, first_name = "Dewi" }, chat = new { id = 4242, type = "private" }, date = 1764547200,
            photo = new[]
            {
                new { file_id = "AgACAgUAAxkBAAIBbGZ-kecil", file_unique_id = "AQADk", width = 90, height = 67, file_size = 1200 },
                new { file_id = "AgACAgUAAxkBAAIBbGZ-besar", file_unique_id = "AQADb", width = 320, height = 240, file_size = 9000 },
            },
            caption = "Saluran air tersumbat di Gang Melati",
        };

        var response = await PostTelegramAsync(message, updateId: 910001);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.Id, r.Title, r.Channel }).SingleAsync());
        Assert.Equal(("Saluran air tersumbat di Gang Melati", Channel.Telegram), (report.Title, report.Channel));
        var attachment = await app.WithDbAsync(db => db.Attachments.SingleAsync(a => a.ReportId == report.Id));
        Assert.Equal("file_7.jpg", attachment.OriginalFileName);
        Assert.DoesNotContain(TestImages.ExifCanary, Encoding.ASCII.GetString(await File.ReadAllBytesAsync(Path.Combine(app.AttachmentsPath, attachment.StoredName))), StringComparison.Ordinal);
        Assert.Equal(["AgACAgUAAxkBAAIBbGZ-besar"], app.Telegram.Served);
    }

    [Fact]
    public async Task Telegram_LocationFilesThere_AVoiceNoteIsAnsweredWithWhatIsTaken()
    {
        var pin = await PostTelegramAsync(new { message_id = 401, from = new { id = 5151, first_name = "Yusuf" }, chat = new { id = 5151, type = "private" }, date = 1764547200,
            location = new { latitude = -7.797068, longitude = 110.370529 } });
        var voice = await PostTelegramAsync(new { message_id = 402, from = new { id = 5151, first_name = "Yusuf" }, chat = new { id = 5151, type = "private" }, date = 1764547260,
            voice = new { file_id = "AwACAgUAAxkBAAIBc", file_unique_id = "AgADc", duration = 5, mime_type = "audio/ogg", file_size = 8000 } });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (pin.StatusCode, voice.StatusCode));
        var number = JsonDocument.Parse(await pin.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.Id, r.Location, r.Latitude, r.Longitude }).SingleAsync());
        Assert.Equal(("-7.797068, 110.370529", -7.797068m, 110.370529m), (report.Location, report.Latitude, report.Longitude));
        var answered = JsonDocument.Parse(await voice.Content.ReadAsStringAsync()).RootElement;
        Assert.True(!answered.TryGetProperty("tracking_number", out var tracking) || tracking.ValueKind == JsonValueKind.Null);
        Assert.Equal(1, await app.WithDbAsync(db => db.ReporterIdentities.CountAsync(i => i.ReplyChannel == NotificationChannel.Telegram && i.ReplyTo == "5151")));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == NotificationChannel.Telegram && m.Recipient == "5151" && m.Template == "ConversationRefused")));

        // An English app's user reads the whole answer in English, the reason too (not the webhook caller's language).
        var english = await PostTelegramAsync(new { message_id = 403, from = new { id = 5252, first_name = "Sam", language_code = "en" }, chat = new { id = 5252, type = "private" }, date = 1764547270,
            voice = new { file_id = "AwACAgUAAxkBAAIBd", file_unique_id = "AgADd", duration = 4, mime_type = "audio/ogg", file_size = 7000 } });
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        var refusal = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Channel == NotificationChannel.Telegram && m.Recipient == "5252" && m.Template == "ConversationRefused"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var text = scope.ServiceProvider.GetRequiredService<Lapor.Web.Infrastructure.Notifications.MailTemplates>().ComposeText(refusal.Template, refusal.Culture, refusal.PayloadJson);
            Assert.Equal("en", refusal.Culture);
            Assert.Contains("voice", text, StringComparison.Ordinal);
            Assert.DoesNotContain("kami", text, StringComparison.Ordinal);
        }
    }

    private async Task<HttpResponseMessage> PostTelegramAsync(object message, int updateId = 920001)
    {
        var update = JsonSerializer.SerializeToUtf8Bytes(new { update_id = updateId, message });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/intake/telegram") { Content = new ByteArrayContent(update) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", LaporAppFactory.IntakeSecret);
        return await app.SendBufferedAsync(request);
    }
}
