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

        var open = requests.Single(r => r.GetProperty("service_request_id").GetString() == seeded.Open);
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal("Dinas A", open.GetProperty("agency_responsible").GetString());
        Assert.Equal(seeded.ServiceCode, open.GetProperty("service_code").GetString());
        // Like the public page: no address or coordinates (they can point at a reporter's home).
        Assert.False(open.TryGetProperty("lat", out _) || open.TryGetProperty("long", out _) || open.TryGetProperty("address", out _));
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
        Assert.DoesNotContain("Jl. Uji 1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<lat>", xml, StringComparison.Ordinal);
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
            Report.Submit(new ReportDraft(Classification.Complaint, title, $"Isi {title}.", null, "Jl. Uji 1", -6.2m, 106.8m, category.Id, null, anonymous, confidential),
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
