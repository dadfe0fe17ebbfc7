using System.Net;
using System.Net.Http.Headers;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.Intake;

/// <summary>
/// What every platform's own webhook shares (<see cref="WhatsAppWebhookTests"/>, <see cref="TelegramWebhookTests"/>,
/// <see cref="SmsFormWebhookTests"/>): a body in another format is refused before it is read.
/// </summary>
public sealed class NativeWebhookTests(ChannelIntakeAppFactory app) : IClassFixture<ChannelIntakeAppFactory>
{
    [Theory]
    [InlineData("/intake/sms", "text/plain")]
    [InlineData("/intake/sms", "multipart/form-data; boundary=x")]
    [InlineData("/intake/sms", null)]
    [InlineData("/intake/whatsapp", "application/x-www-form-urlencoded")]
    [InlineData("/intake/whatsapp", "text/xml")]
    [InlineData("/intake/telegram", "application/x-www-form-urlencoded")]
    [InlineData("/intake/telegram", "text/plain")]
    public async Task WrongContentType_Is415ProblemDetails(string path, string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent("{}"u8.ToArray()) };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);

        var response = await app.SendBufferedAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
