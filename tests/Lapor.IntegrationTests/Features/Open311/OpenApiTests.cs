using System.Net;
using System.Text.Json;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>ASP.NET Core's OpenAPI document describes the JSON endpoints (Open311, intake) and none of the pages.</summary>
public sealed class OpenApiTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Document_DescribesOpen311AndIntake_NotThePages()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/open311/v2/services.{format}", paths);
        Assert.Contains("/open311/v2/requests.{format}", paths);
        Assert.Contains("/intake/sms", paths);
        Assert.Contains("/intake/whatsapp", paths);
        Assert.Contains("/intake/telegram", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/inbox", StringComparison.Ordinal) || p.StartsWith("/dashboard", StringComparison.Ordinal));
        Assert.DoesNotContain(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths").EnumerateObject(),
            path => path.Value.TryGetProperty("head", out _)); // every GET answers HEAD too; one operation says it
    }

    [Fact]
    public async Task Document_PostRequest_NamesTheSpecificationsFormFields()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var post = document.GetProperty("paths").GetProperty("/open311/v2/requests.{format}").GetProperty("post");
        var text = post.GetRawText();

        foreach (var field in new[] { "api_key", "service_code", "lat", "long", "address_string", "description", "media_url" })
        {
            Assert.Contains($"\"{field}\"", text, StringComparison.Ordinal);
        }
    }
}
