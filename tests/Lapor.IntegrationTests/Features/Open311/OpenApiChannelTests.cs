using System.Net;
using System.Text.Json;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>
/// The intake's description follows this server's settings: the SMS form's field names and token places are the
/// configured ones (here Twilio's), and a gateway that posts exactly what the document names gets its report filed.
/// </summary>
public sealed class OpenApiChannelTests(ChannelIntakeAppFactory app) : IClassFixture<ChannelIntakeAppFactory>
{
    [Fact]
    public async Task Document_SmsFormCallback_NamesTheConfiguredFieldsAndTokenPlaces_AndAFormBuiltFromItIsFiled()
    {
        using var client = app.CreateHttpClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var sms = document.GetProperty("paths").GetProperty("/intake/sms").GetProperty("post");
        var form = OpenApiDocumentReader.Resolve(document,
            sms.GetProperty("requestBody").GetProperty("content").GetProperty("application/x-www-form-urlencoded").GetProperty("schema"));
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");

        Assert.Equal(new[] { ChannelIntakeAppFactory.SmsFromField, ChannelIntakeAppFactory.SmsTextField, ChannelIntakeAppFactory.SmsMessageIdField }.Order(),
            form.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(["sms_form_token", "sms_form_token_query"], OpenApiDocumentReader.SecuritySchemes(sms).Order());
        Assert.Equal("query", schemes.GetProperty("sms_form_token_query").GetProperty("in").GetString());
        Assert.Equal("token", schemes.GetProperty("sms_form_token_query").GetProperty("name").GetString());
        Assert.DoesNotContain(ChannelIntakeAppFactory.SmsFormToken, document.GetRawText(), StringComparison.Ordinal); // names of secrets, never their values

        using var request = new HttpRequestMessage(HttpMethod.Post, "/intake/sms")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [ChannelIntakeAppFactory.SmsFromField] = "+6281234567001", [ChannelIntakeAppFactory.SmsTextField] = "Jalan berlubang di depan sekolah, mohon segera diperbaiki.",
                [ChannelIntakeAppFactory.SmsMessageIdField] = $"SM{Guid.NewGuid():N}",
            }),
        };
        request.Headers.Add(schemes.GetProperty("sms_form_token").GetProperty("name").GetString()!, ChannelIntakeAppFactory.SmsFormToken);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString()));
    }
}
