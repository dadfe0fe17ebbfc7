using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>GET requests and requests/{id}: public reports only, nothing about the reporter, in JSON and XML.</summary>
public sealed class Open311RequestsTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Canary = "Kanari Pelapor Open311";

    [Fact]
    public async Task Requests_ListPublicReportsOnly_WithStatusAndAgency_SameInJsonAndXml()
    {
        var seeded = await SeedAsync();

        var json = await GetAsync("/open311/v2/requests.json");
        var xml = await GetAsync("/open311/v2/requests.xml");

        var requests = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var ids = requests.Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        Assert.Contains(seeded.Open, ids);
        Assert.Contains(seeded.Closed, ids);
        Assert.Contains(seeded.Anonymous, ids);
        Assert.DoesNotContain(seeded.Confidential, ids);
        Assert.DoesNotContain(seeded.Unverified, ids);

        Open311Schema.AssertRequests(JsonDocument.Parse(json).RootElement);
        var open = requests.Single(r => r.GetProperty("service_request_id").GetString() == seeded.Open);
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal("Dinas A", open.GetProperty("agency_responsible").GetString());
        Assert.Equal(seeded.ServiceCode, open.GetProperty("service_code").GetString());
        // Like the public map: the point rounded to about 100 m (the exact one is the staff's), and the address.
        Assert.Equal((-6.212m, 106.846m), (open.GetProperty("lat").GetDecimal(), open.GetProperty("long").GetDecimal()));
        Assert.Equal("Jl. Uji 1", open.GetProperty("address").GetString());
        Assert.False(open.TryGetProperty("media_url", out _)); // no public address serves a report's files
        // Nothing of where an anonymous reporter was: a point can name a house.
        var anonymous = requests.Single(r => r.GetProperty("service_request_id").GetString() == seeded.Anonymous);
        Assert.False(anonymous.TryGetProperty("lat", out _) || anonymous.TryGetProperty("long", out _) || anonymous.TryGetProperty("address", out _));
        Assert.EndsWith("+07:00", open.GetProperty("requested_datetime").GetString(), StringComparison.Ordinal);
        Assert.True(open.TryGetProperty("expected_datetime", out _));
        Assert.Equal("closed", requests.Single(r => r.GetProperty("service_request_id").GetString() == seeded.Closed).GetProperty("status").GetString());

        var root = XDocument.Parse(xml).Root!; // well-formed although one report's text holds U+0001
        Assert.Equal("service_requests", root.Name.LocalName);
        Assert.Equal(ids, root.Elements("request").Select(r => r.Element("service_request_id")!.Value));
        Assert.Equal("closed", root.Elements("request").Single(r => r.Element("service_request_id")!.Value == seeded.Closed).Element("status")!.Value);

        // Nothing about reporters, and nothing of the confidential report, in either format.
        Assert.DoesNotContain(Canary, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, xml, StringComparison.Ordinal);
        Assert.DoesNotContain("rahasia open311", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jl. Anonim 9", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Jl. Anonim 9", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("6.21234", json, StringComparison.Ordinal);
        Assert.Contains("<lat>-6.212</lat>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_Filters_ByStatusServiceAndDates()
    {
        var seeded = await SeedAsync();

        Assert.Equal([seeded.Closed], await IdsAsync("/open311/v2/requests.json?status=closed&service_code=" + seeded.ServiceCode));
        Assert.Empty(await IdsAsync($"/open311/v2/requests.json?service_code={seeded.ServiceCode}&page=2"));
        Assert.Empty(await IdsAsync($"/open311/v2/requests.json?service_code={seeded.ServiceCode}&page={int.MaxValue}"));
        Assert.DoesNotContain(seeded.Closed, await IdsAsync("/open311/v2/requests.json?status=open"));
        Assert.Equal(new[] { seeded.Open, seeded.Closed }.Order(), (await IdsAsync($"/open311/v2/requests.json?service_request_id={seeded.Open},{seeded.Closed}")).Order());
        var day = FiledAt(app);

        // To the minute, in WIB: the offset counts (reports were filed at 09:00 WIB).
        string Wib(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, (await IdsAsync($"/open311/v2/requests.json?start_date={Wib(day.AddMinutes(-1))}&service_code={seeded.ServiceCode}")).Count);
        Assert.Empty(await IdsAsync($"/open311/v2/requests.json?start_date={Wib(day.AddMinutes(1))}&service_code={seeded.ServiceCode}"));
        string W3c(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(await IdsAsync($"/open311/v2/requests.json?start_date={W3c(day.AddDays(1))}&end_date={W3c(day.AddDays(2))}&service_code={seeded.ServiceCode}"));
        Assert.Equal(3, (await IdsAsync($"/open311/v2/requests.json?start_date={W3c(day.AddDays(-1))}&end_date={W3c(day.AddDays(1))}&jurisdiction_id=uji&service_code={seeded.ServiceCode}")).Count);
    }

    [Theory]
    [InlineData("/open311/v2/requests.json?start_date=kemarin", "json")]
    [InlineData("/open311/v2/requests.xml?status=pending", "xml")]
    [InlineData("/open311/v2/requests.json?service_code=abc", "json")]
    public async Task Requests_BadQuery_Is400WithTheErrorList(string url, string format)
    {
        var response = await app.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var code = format == "xml" ? XDocument.Parse(body).Root!.Element("error")!.Element("code")!.Value : JsonDocument.Parse(body).RootElement[0].GetProperty("code").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("400", code);
    }

    [Fact]
    public async Task RequestById_PublicIsFound_ConfidentialAndUnverifiedAre404()
    {
        var seeded = await SeedAsync();

        var found = JsonDocument.Parse(await GetAsync($"/open311/v2/requests/{seeded.Open}.json")).RootElement;
        var xml = XDocument.Parse(await GetAsync($"/open311/v2/requests/{seeded.Open}.xml")).Root!;

        Assert.Equal(seeded.Open, found[0].GetProperty("service_request_id").GetString());
        Assert.Equal(seeded.Open, xml.Element("request")!.Element("service_request_id")!.Value);
        foreach (var hidden in new[] { seeded.Confidential, seeded.Unverified, "LPR-TIDAK-ADA" })
        {
            var response = await app.CreateClient().GetAsync($"/open311/v2/requests/{hidden}.json");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(404, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
        }
    }

    [Fact]
    public async Task GetMethods_AnswerHeadOptionsAndCors_ForAnyOriginWithoutCredentials()
    {
        var seeded = await SeedAsync();
        var client = app.CreateClient();

        foreach (var url in new[] { "/open311/v2/requests.json", $"/open311/v2/requests/{seeded.Open}.xml", "/open311/v2/services.json", "/open311/v2/discovery.json" })
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.NotNull(head.Content.Headers.ContentType);

            using var get = new HttpRequestMessage(HttpMethod.Get, url);
            get.Headers.Add("Origin", "https://peta.kota-contoh.id");
            using var answer = await client.SendAsync(get);
            Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));
        }

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/open311/v2/requests.json");
        preflight.Headers.Add("Origin", "https://peta.kota-contoh.id");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var allowed = await client.SendAsync(preflight);
        Assert.True(allowed.IsSuccessStatusCode);
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);

        // A web page may read, never file: no cross-origin POST (nor an api_key in a page's script).
        using var postPreflight = new HttpRequestMessage(HttpMethod.Options, "/open311/v2/requests.json");
        postPreflight.Headers.Add("Origin", "https://peta.kota-contoh.id");
        postPreflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await client.SendAsync(postPreflight);
        Assert.False(refused.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("POST", StringComparison.Ordinal)));

        using var options = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/open311/v2/requests.json"));
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("GET, HEAD, POST, OPTIONS", string.Join(", ", options.Content.Headers.Allow));
    }

    [Fact]
    public async Task Responses_ValidateAgainstTheCommunitySchemas_EvenForATextOverTheLimit()
    {
        var seeded = await SeedAsync();
        await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == seeded.Closed).ExecuteUpdateAsync(u => u.SetProperty(r => r.Body, new string('y', 5000))));

        Open311Schema.AssertRequests(JsonDocument.Parse(await GetAsync("/open311/v2/requests.json")).RootElement);
        Open311Schema.AssertRequests(JsonDocument.Parse(await GetAsync($"/open311/v2/requests/{seeded.Closed}.json")).RootElement);
        Open311Schema.AssertServices(JsonDocument.Parse(await GetAsync("/open311/v2/services.json")).RootElement);
        Open311Schema.AssertServiceDefinition(JsonDocument.Parse(await GetAsync($"/open311/v2/services/{seeded.ServiceCode}.json")).RootElement);
    }

    private async Task<string> GetAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<List<string?>> IdsAsync(string url) =>
        [.. JsonDocument.Parse(await GetAsync(url)).RootElement.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString())];

    private sealed record Seeded(string ServiceCode, string Open, string Closed, string Anonymous, string Confidential, string Unverified);

    /// <summary>20 days ago at 02:00 UTC (09:00 WIB): inside the default 90 days.</summary>
    private static DateTimeOffset FiledAt(LaporAppFactory app) =>
        new(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.Date.AddDays(-20).AddHours(2), TimeSpan.Zero);

    /// <summary>Five reports filed 20 days ago in one category: open, closed, anonymous, confidential, unverified.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Categories.FirstOrDefaultAsync(c => c.Name == "Kategori Open311") is { } existing)
        {
            var numbers = await db.Reports.Where(r => r.CategoryId == existing.Id).OrderBy(r => r.Id).Select(r => r.TrackingNumber).ToListAsync();
            return new Seeded(existing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);
        }

        var group = new Category("Grup Open311", "Open311 group");
        db.Categories.Add(group);
        await db.SaveChangesAsync();
        var category = new Category("Kategori Open311", "Open311 category", group.Id);
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);

        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var coordinator = new Actor(null, ActorRole.Coordinator);
        var officer = new Actor(null, ActorRole.Officer);
        var at = FiledAt(app);
        Report File(string title, bool anonymous = false, bool confidential = false) =>
            Report.Submit(new ReportDraft(Classification.Complaint, title, $"Isi {title}.", null, anonymous ? "Jl. Anonim 9" : "Jl. Uji 1", -6.21234m, 106.84567m, category.Id, null, anonymous, confidential),
                Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, at);

        var open = File("Terbuka open311");
        var closed = File("Selesai open311\u0001");
        var anonymous = File("Anonim open311", anonymous: true);
        var confidential = File("Rahasia open311", confidential: true);
        var unverified = File("Belum open311");
        foreach (var report in new[] { open, closed, anonymous, confidential })
        {
            report.Verify(coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, schedule, at.AddHours(1));
        }

        closed.RespondFinal(officer with { Agencies = [world.AgencyA] }, "Sudah diperbaiki.", MessageVisibility.Public, schedule, at.AddHours(2));
        closed.Accept(Actor.Guest, schedule, at.AddHours(3));
        db.Reports.AddRange(open, closed, anonymous, confidential, unverified);
        await db.SaveChangesAsync();
        db.ReporterIdentities.Add(new ReporterIdentity(anonymous, Canary, "kanari.open311@contoh.id", "081200000311"));
        db.ReporterIdentities.Add(new ReporterIdentity(open, Canary, "kanari.open311@contoh.id", null));
        await db.SaveChangesAsync();
        return new Seeded(category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            open.TrackingNumber, closed.TrackingNumber, anonymous.TrackingNumber, confidential.TrackingNumber, unverified.TrackingNumber);
    }
}
