using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>
/// POST bodies MVC cannot read leave the form unbound; they once ended in a 500 (issue 15). On real Kestrel, which
/// enforces the 64 KB limit the in-memory test server ignores.
/// </summary>
public sealed class Open311PostBodyTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Post_BodyOverTheLimit_Is413InTheSpecificationsErrorList(string format)
    {
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());
        using var client = app.CreateHttpClient();

        var response = await client.PostAsync($"/open311/v2/requests.{format}", Form("service_code=1&description=" + new string('x', 70_000)));
        var (code, description) = await ErrorAsync(response, format);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, code);
        Assert.Contains("64 KB", description, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Theory]
    [InlineData("too many fields")]
    [InlineData("NUL")]
    public async Task Post_BodyTheFormReaderRefuses_Is400InTheSpecificationsErrorList(string kind)
    {
        using var client = app.CreateHttpClient();
        var body = kind == "NUL" ? "service_code=1&description=a%00b" : string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1"));

        var response = await client.PostAsync("/open311/v2/requests.json", Form(body));
        var (code, _) = await ErrorAsync(response, "json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, code);
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private static async Task<(int Code, string Description)> ErrorAsync(HttpResponseMessage response, string format)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (format == "xml")
        {
            var error = XDocument.Parse(body).Root!.Element("error")!;
            return (int.Parse(error.Element("code")!.Value, System.Globalization.CultureInfo.InvariantCulture), error.Element("description")!.Value);
        }

        var first = JsonDocument.Parse(body).RootElement[0];
        return (first.GetProperty("code").GetInt32(), first.GetProperty("description").GetString()!);
    }
}
