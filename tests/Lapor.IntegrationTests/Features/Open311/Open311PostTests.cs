using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Lapor.TestSupport;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>POST requests with an api_key: refusals create nothing; a filed request reaches the coordinator's queue as "API".</summary>
public sealed class Open311PostTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Theory]
    [InlineData(null, "json")]
    [InlineData("lpr_tidak_dikenal", "json")]
    [InlineData(null, "xml")]
    public async Task Post_WithoutAValidKey_Is403AndCreatesNothing(string? key, string format)
    {
        var (code, _) = await ArrangeAsync();
        var before = await CountAsync();

        var response = await PostAsync(format, Fields(code, key));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("403", format == "xml"
            ? XDocument.Parse(body).Root!.Element("error")!.Element("code")!.Value
            : JsonDocument.Parse(body).RootElement[0].GetProperty("code").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_RevokedOrReadOnlyKey_OrASignedInSessionAlone_AreRefused()
    {
        var (code, _) = await ArrangeAsync();
        var revoked = await KeyAsync("Dicabut", ApiOperations.CreateRequests, revoke: true);
        var readOnly = await KeyAsync("Hanya baca", ApiOperations.ReadRequests);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var before = await CountAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("json", Fields(code, revoked))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("json", Fields(code, readOnly))).StatusCode);
        // A browser session is no credential here: no api_key, no report (and no antiforgery token needed to be refused).
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.Client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(Fields(code, null)))).StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_WithKey_FilesAnUnverifiedApiReport_ShownInTheCoordinatorQueue()
    {
        var (code, key) = await ArrangeAsync();
        var fields = Fields(code, key);
        fields["description"] = "Lampu jalan di depan SDN 3 mati sejak seminggu.\nWarga khawatir saat malam.";
        fields["email"] = "pelapor.api@contoh.id";
        fields["phone"] = "081234567890";
        fields["media_url"] = "https://aplikasi.contoh.id/foto/123.jpg";
        fields["attribute[classification]"] = "Complaint";
        fields["device_id"] = "perangkat-7";
        fields["account_id"] = "akun-99";

        var response = await PostAsync("json", fields);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0];
        var number = created.GetProperty("service_request_id").GetString()!;

        // 200, not 201: USF's open311-client reads nothing else (and the specification's example answers 200).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(created.GetProperty("token").GetString()));
        Assert.Equal("akun-99", created.GetProperty("account_id").GetString());
        var kept = await app.WithDbAsync(db => db.ApiSubmissions.Where(s => db.Reports.Any(r => r.Id == s.ReportId && r.TrackingNumber == number)).Select(s => new { s.DeviceId, s.AccountId }).SingleAsync());
        Assert.Equal(("perangkat-7", "akun-99"), (kept.DeviceId, kept.AccountId));
        var stored = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number)
            .Select(r => new { r.Channel, r.Status, r.Title, r.Body, r.Latitude, r.CategoryId, r.IsAnonymous, r.EnteredByUserId }).SingleAsync());
        Assert.Equal((Channel.Api, ReportStatus.Unverified), (stored.Channel, stored.Status));
        Assert.Equal("Lampu jalan di depan SDN 3 mati sejak seminggu.", stored.Title);
        Assert.Contains("https://aplikasi.contoh.id/foto/123.jpg", stored.Body, StringComparison.Ordinal);
        Assert.Equal(-6.2m, stored.Latitude);
        Assert.Equal(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), stored.CategoryId);
        Assert.False(stored.IsAnonymous);
        var identity = await app.WithDbAsync(db => db.ReporterIdentities.Where(i => db.Reports.Any(r => r.Id == i.ReportId && r.TrackingNumber == number)).Select(i => new { i.FullName, i.Email, i.Phone }).SingleAsync());
        Assert.Equal(("Budi Santoso", "pelapor.api@contoh.id", "081234567890"), (identity.FullName, identity.Email, identity.Phone));
        Assert.True(await app.WithDbAsync(db => db.ApiClients.AnyAsync(c => c.Name == "Aplikasi uji" && c.LastUsedAt != null)));

        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var queue = await coordinator.OpenAsync("/inbox");
        var row = queue.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(number, StringComparison.Ordinal));
        Assert.Contains(row.QuerySelectorAll("td"), cell => cell.TextContent.Trim() == "API");

        var token = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/open311/v2/tokens/{created.GetProperty("token").GetString()}.json")).RootElement[0];
        Assert.Equal(number, token.GetProperty("service_request_id").GetString());
        var tokenXml = XDocument.Parse(await app.CreateClient().GetStringAsync($"/open311/v2/tokens/{created.GetProperty("token").GetString()}.xml")).Root!;
        Assert.Equal(number, tokenXml.Element("request")!.Element("service_request_id")!.Value);
    }

    [Fact]
    public async Task Post_Anonymous_KeepsTheIdentityProtectedAndTheReportAnonymous()
    {
        var (code, key) = await ArrangeAsync();
        var fields = Fields(code, key);
        fields["attribute[anonymous]"] = "true";
        fields["attribute[confidential]"] = "true";
        fields["attribute[title]"] = "Pungutan liar di kantor kelurahan";

        var xml = XDocument.Parse(await (await PostAsync("xml", fields)).Content.ReadAsStringAsync()).Root!;
        var number = xml.Element("request")!.Element("service_request_id")!.Value;

        Assert.Equal("service_requests", xml.Name.LocalName);
        var stored = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.IsAnonymous, r.IsConfidential, r.Title }).SingleAsync());
        Assert.Equal((true, true, "Pungutan liar di kantor kelurahan"), (stored.IsAnonymous, stored.IsConfidential, stored.Title));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/open311/v2/requests/{number}.json")).StatusCode);
    }

    [Fact]
    public async Task Post_SameIdempotencyKey_FilesOnce()
    {
        var (code, key) = await ArrangeAsync();
        var before = await CountAsync();

        var first = await PostAsync("json", Fields(code, key), idempotencyKey: "ulang-123");
        var second = await PostAsync("json", Fields(code, key), idempotencyKey: "ulang-123");

        static async Task<string?> Number(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();
        Assert.Equal(await Number(first), await Number(second));
        Assert.Equal(before + 1, await CountAsync());
    }

    [Theory]
    [InlineData("service_code", "", "service_code")]
    [InlineData("description", "", "description")]
    [InlineData("lat", "-6,2", "lat")]
    [InlineData("attribute[classification]", "Gosip", "attribute[classification]")]
    [InlineData("media_url", "javascript:alert(1)", "media_url")]
    [InlineData("address_id", "x", "address_id")]
    [InlineData("description", "4001", "description")]
    [InlineData("attribute[anonymus]", "true", "attribute[anonymus]")] // a misspelling must never file a named report
    [InlineData("attribute[anonymous]", "ya", "attribute[anonymous]")]
    public async Task Post_BadField_Is400WithAClearDescription_AndCreatesNothing(string field, string value, string named)
    {
        var (code, key) = await ArrangeAsync();
        var fields = Fields(code, key);
        fields[field] = (field, value) switch
        {
            ("address_id", _) => new string('x', 301),
            ("description", "4001") => new string('x', 4001),
            _ => value,
        };
        var before = await CountAsync();

        var response = await PostAsync("json", fields);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.All(errors, e => Assert.Equal(400, e.GetProperty("code").GetInt32()));
        Assert.Contains(errors, e => e.GetProperty("description").GetString()!.Contains(named, StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_DescriptionOfExactly4000Characters_IsFiled()
    {
        var (code, key) = await ArrangeAsync();
        var fields = Fields(code, key);
        fields["description"] = new string('x', 4000);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("json", fields)).StatusCode);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Post_UnknownServiceCode_Is404AndCreatesNothing(string format)
    {
        var (code, key) = await ArrangeAsync();
        var fields = Fields(code, key);
        fields["service_code"] = "999999";
        var before = await CountAsync();

        var response = await PostAsync(format, fields);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("service_code", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_RetryWithoutIdempotencyKey_SameClientSameBody_FilesOnce_ADifferentBodyOrClientFilesAgain()
    {
        var (code, key) = await ArrangeAsync();
        var other = await KeyAsync("Aplikasi lain", ApiOperations.CreateRequests, perMinute: 1000);
        var before = await CountAsync();

        var first = await NumberAsync(await PostAsync("json", Fields(code, key)));
        var retry = await NumberAsync(await PostAsync("json", Fields(code, key)));
        var changed = Fields(code, key);
        changed["description"] = "Jalan berlubang dekat pasar, sekarang dua lubang.";
        var another = await NumberAsync(await PostAsync("json", changed));
        var otherClient = await NumberAsync(await PostAsync("json", Fields(code, other)));

        Assert.Equal(first, retry);
        Assert.Equal(3, new[] { first, another, otherClient }.Distinct().Count());
        Assert.Equal(before + 3, await CountAsync());
    }

    [Fact]
    public async Task Post_RetryAfterTheWindow_FilesAgain()
    {
        var (code, key) = await ArrangeAsync();
        var first = await NumberAsync(await PostAsync("json", Fields(code, key)));
        // The earlier submission as if it had arrived ten minutes ago (the window is five).
        var tenMinutesAgo = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-10);
        await app.WithDbAsync(db => db.ApiSubmissions.Where(s => db.Reports.Any(r => r.Id == s.ReportId && r.TrackingNumber == first))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ReceivedAt, tenMinutesAgo)));

        Assert.NotEqual(first, await NumberAsync(await PostAsync("json", Fields(code, key))));
    }

    [Fact]
    public async Task Post_IdempotencyKeyReusedForADifferentBody_Is409AndFilesNothing()
    {
        var (code, key) = await ArrangeAsync();
        await PostAsync("json", Fields(code, key), idempotencyKey: "kunci-409");
        var before = await CountAsync();
        var changed = Fields(code, key);
        changed["description"] = "Isi yang lain sama sekali.";

        var response = await PostAsync("xml", changed, idempotencyKey: "kunci-409");
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("error")!;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("409", error.Element("code")!.Value);
        Assert.Contains("Idempotency-Key", error.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_AnswerGivesTheAccessCodeAndLink_AndTheTokenOpensTheUnverifiedReport_NothingElseDoes()
    {
        var (code, key) = await ArrangeAsync();
        var readOnly = await KeyAsync("Pembaca lain", ApiOperations.ReadRequests);
        var writeOnly = await KeyAsync("Penulis saja", ApiOperations.CreateRequests);
        var created = JsonDocument.Parse(await (await PostAsync("json", Fields(code, key))).Content.ReadAsStringAsync()).RootElement[0];
        var number = created.GetProperty("service_request_id").GetString()!;
        var token = created.GetProperty("token").GetString()!;
        var notice = created.GetProperty("service_notice").GetString()!;

        Assert.Contains($"http://localhost:5084/lacak/{number}", notice, StringComparison.Ordinal);
        var accessCode = System.Text.RegularExpressions.Regex.Match(notice, "(?:kode akses|access code) ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})").Groups[1].Value;
        Assert.True(AccessCode.Verify(accessCode, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.AccessCodeHash).SingleAsync())), notice);

        var mine = await app.CreateClient().GetAsync($"/open311/v2/requests/{number}.json?token={token}");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var request = JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(("open", "Jalan berlubang dekat pasar."), (request.GetProperty("status").GetString(), request.GetProperty("description").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/open311/v2/requests/{number}.xml?api_key={key}")).StatusCode); // the filing client's own key

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/open311/v2/requests/{number}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/open311/v2/requests/{number}.json?token={Guid.NewGuid():N}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/open311/v2/requests/{number}.json?api_key={readOnly}")).StatusCode); // another client's
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient().GetAsync($"/open311/v2/requests/{number}.json?api_key={writeOnly}")).StatusCode); // no read permission
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient().GetAsync("/open311/v2/requests.json?api_key=lpr_tidak_dikenal")).StatusCode);
    }

    [Fact]
    public async Task Post_NoLocation_Is400()
    {
        var (code, key) = await ArrangeAsync();
        var fields = Fields(code, key);
        fields.Remove("lat");
        fields.Remove("long");

        var response = await PostAsync("json", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("address_string", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OverTheClientsOwnRate_Is429()
    {
        var (code, _) = await ArrangeAsync();
        var slow = await KeyAsync("Lambat", ApiOperations.CreateRequests, perMinute: 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await PostAsync("json", Fields(code, slow))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task OverTheClientsOwnRate_429CarriesRetryAfter_OnPostAndOnGetWithTheKey()
    {
        var (code, _) = await ArrangeAsync();
        var slow = await KeyAsync("Lambat sekali", ApiOperations.CreateRequests | ApiOperations.ReadRequests, perMinute: 1);

        await PostAsync("json", Fields(code, slow));
        var post = await PostAsync("json", Fields(code, slow));
        var get = await app.CreateClient().GetAsync($"/open311/v2/requests.json?api_key={slow}");

        foreach (var response in new[] { post, get })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        }
    }

    private static Dictionary<string, string> Fields(string serviceCode, string? key)
    {
        var fields = new Dictionary<string, string>
        {
            ["service_code"] = serviceCode, ["lat"] = "-6.2", ["long"] = "106.8", ["description"] = "Jalan berlubang dekat pasar.",
            ["first_name"] = "Budi", ["last_name"] = "Santoso", ["jurisdiction_id"] = "uji",
        };
        if (key is not null)
        {
            fields["api_key"] = key;
        }

        return fields;
    }

    private async Task<HttpResponseMessage> PostAsync(string format, Dictionary<string, string> fields, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = new FormUrlEncodedContent(fields) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await app.CreateClient().SendAsync(request);
    }

    private static async Task<string> NumberAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Reports.CountAsync());

    /// <summary>The staff world, a sub-category (its code) and an API client allowed to create requests (its key).</summary>
    private async Task<(string ServiceCode, string Key)> ArrangeAsync()
    {
        await StaffWorld.CreateAsync(app);
        var code = await Open311Services.CodeAsync(app, "Open311");
        return (code, await KeyAsync("Aplikasi uji", ApiOperations.CreateRequests | ApiOperations.ReadRequests, perMinute: 1000));
    }

    private Task<string> KeyAsync(string name, ApiOperations operations, int perMinute = 60, bool revoke = false) => app.WithDbAsync(async db =>
    {
        var (client, key) = ApiClient.Create(name, operations, perMinute, DateTimeOffset.UtcNow);
        if (revoke)
        {
            client.Revoke(DateTimeOffset.UtcNow);
        }

        db.ApiClients.Add(client);
        await db.SaveChangesAsync();
        return key;
    });
}
