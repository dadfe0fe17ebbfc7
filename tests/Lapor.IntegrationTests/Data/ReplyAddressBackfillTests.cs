using System.Globalization;
using System.Net;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Features.Integrations.Intake;
using Lapor.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Data;

/// <summary>
/// Reports filed by SMS before numbers were kept in one spelling: after the backfill a message from the same reporter, in
/// any spelling, goes to that report instead of filing a new one. Telegram chats and what is no number stay as they were.
/// </summary>
public sealed class ReplyAddressBackfillTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    [Fact]
    public async Task Backfill_WritesOldReplyNumbersInE164_AndTheReporterIsFoundAgain()
    {
        await StaffWorld.CreateAsync(app);
        var national = await SmsAsync("+6281237700201", "Jalan berlubang di depan pasar.");
        var grouped = await SmsAsync("+6281237700202", "Drainase tersumbat di RT 03.");
        var telegram = await TelegramReportAsync(5550202020, "Lampu taman mati.");
        // As the intake stored them before: the number as each gateway wrote it; one sender was an operator's name.
        await SetReplyToAsync(national!, "081237700201");
        await SetReplyToAsync(grouped!, "+62 812-3770-0202");
        var named = await SmsAsync("+6281237700203", "Pesan dari operator.");
        await SetReplyToAsync(named!, "TELKOMSEL");

        await using var scope = app.Services.CreateAsyncScope();
        var changed = await scope.ServiceProvider.GetRequiredService<ReplyAddressBackfill>().RunAsync(CancellationToken.None);
        var again = await scope.ServiceProvider.GetRequiredService<ReplyAddressBackfill>().RunAsync(CancellationToken.None);

        Assert.Equal((2, 0), (changed, again));
        Assert.Equal("+6281237700201", await ReplyToAsync(national!));
        Assert.Equal("+6281237700202", await ReplyToAsync(grouped!));
        Assert.Equal("TELKOMSEL", await ReplyToAsync(named!));
        Assert.Equal("5550202020", await ReplyToAsync(telegram!));
        // The phone on file keeps the spelling a report link may have been fingerprinted with.
        Assert.Equal("081237700201", await app.WithDbAsync(db => db.ReporterIdentities.Where(i => db.Reports.Any(r => r.Id == i.ReportId && r.TrackingNumber == national)).Select(i => i.Phone).SingleAsync()));

        Assert.Equal(national, await SmsAsync("0812 3770 0201", "Lubangnya makin lebar."));
        Assert.Equal(grouped, await SmsAsync("6281237700202", "Airnya meluap."));
    }

    private async Task SetReplyToAsync(string number, string replyTo) =>
        await app.WithDbAsync(db => db.ReporterIdentities.Where(i => db.Reports.Any(r => r.Id == i.ReportId && r.TrackingNumber == number))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ReplyTo, replyTo).SetProperty(i => i.Phone, replyTo)));

    private Task<string?> ReplyToAsync(string number) =>
        app.WithDbAsync(db => db.ReporterIdentities.Where(i => db.Reports.Any(r => r.Id == i.ReportId && r.TrackingNumber == number)).Select(i => i.ReplyTo).SingleAsync());

    private async Task<string?> SmsAsync(string from, string text)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { message_id = Guid.NewGuid().ToString("N"), from, text });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/intake/sms") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(IntakeSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(IntakeSignature.SignatureHeader, IntakeSignature.Sign(LaporAppFactory.IntakeSecret, timestamp, body));
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
    }

    private async Task<string?> TelegramReportAsync(long chat, string text)
    {
        var update = JsonSerializer.SerializeToUtf8Bytes(new { update_id = 940001, message = new { message_id = 1, from = new { id = chat, first_name = "Dewi" }, chat = new { id = chat, type = "private" }, date = 1764547200, text } });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/intake/telegram") { Content = new ByteArrayContent(update) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", LaporAppFactory.IntakeSecret);
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
    }
}
