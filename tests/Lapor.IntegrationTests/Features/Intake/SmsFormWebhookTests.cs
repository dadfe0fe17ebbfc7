using System.Net;
using System.Text;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Intake;

/// <summary>An SMS gateway's form callback on real Kestrel, with its own field names, token and charset.</summary>
public sealed class SmsFormWebhookTests(ChannelIntakeAppFactory app) : IClassFixture<ChannelIntakeAppFactory>
{
    [Fact]
    public async Task SmsForm_WithTheGatewaysFieldNames_FilesOnce_TokenInHeaderOrQuery()
    {
        var fields = new Dictionary<string, string>
        {
            [ChannelIntakeAppFactory.SmsMessageIdField] = "SM-form-001",
            [ChannelIntakeAppFactory.SmsFromField] = "+6281234560005",
            [ChannelIntakeAppFactory.SmsTextField] = "Lampu jalan mati di Jl. Ahmad Yani & sekitarnya",
        };

        var first = await PostSmsFormAsync("/intake/sms", fields, ChannelIntakeAppFactory.SmsFormToken);
        var again = await PostSmsFormAsync($"/intake/sms?token={ChannelIntakeAppFactory.SmsFormToken}", fields, null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var number = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
        Assert.Equal(number, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString());
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.Id, r.Title, r.Channel }).SingleAsync());
        Assert.Equal(("Lampu jalan mati di Jl. Ahmad Yani & sekitarnya", Channel.Sms), (report.Title, report.Channel));
        Assert.Equal("+6281234560005", await app.WithDbAsync(db => db.ReporterIdentities.Where(i => i.ReportId == report.Id).Select(i => i.Phone).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == NotificationChannel.Sms && m.Recipient == "+6281234560005")));
    }

    [Theory]
    [InlineData("/intake/sms", "salah")]
    [InlineData("/intake/sms", null)]
    [InlineData("/intake/sms?token=salah", null)]
    [InlineData("/intake/sms?token=token-gerbang-sms-uji", "salah")] // a wrong header is not rescued by the query
    public async Task SmsForm_WrongOrMissingToken_Is401AndFilesNothing(string path, string? token)
    {
        var fields = new Dictionary<string, string> { ["MessageSid"] = $"SM-palsu-{path}-{token}", ["From"] = "+6281234560006", ["Body"] = "Laporan palsu" };
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var response = await PostSmsFormAsync(path, fields, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task SmsForm_WithoutTheConfiguredFields_Is400()
    {
        // Lapor's JSON field names are not this gateway's.
        var response = await PostSmsFormAsync("/intake/sms", new Dictionary<string, string> { ["message_id"] = "x-1", ["from"] = "+6281234560007", ["text"] = "Halo" },
            ChannelIntakeAppFactory.SmsFormToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task SmsForm_InItsDeclaredCharset_IsReadInIt_AnUnknownCharsetIs415()
    {
        var latin = Encoding.ASCII.GetBytes("MessageSid=SM-latin-1&From=%2B6281234560024&Body=Caf%E9+rusak");

        var filed = await PostRawSmsFormAsync(latin, "application/x-www-form-urlencoded; charset=ISO-8859-1");
        var unknown = await PostRawSmsFormAsync(Encoding.ASCII.GetBytes("MessageSid=SM-latin-2&From=%2B6281234560024&Body=Halo"), "application/x-www-form-urlencoded; charset=klingon-7");

        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var number = JsonDocument.Parse(await filed.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
        Assert.Equal("Café rusak", await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Title).SingleAsync()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unknown.StatusCode);
        Assert.Contains("klingon-7", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostRawSmsFormAsync(byte[] body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/intake/sms") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-Lapor-Token", ChannelIntakeAppFactory.SmsFormToken);
        return await app.SendBufferedAsync(request);
    }

    private async Task<HttpResponseMessage> PostSmsFormAsync(string path, Dictionary<string, string> fields, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (token is not null)
        {
            request.Headers.Add("X-Lapor-Token", token);
        }

        return await app.SendBufferedAsync(request);
    }
}
