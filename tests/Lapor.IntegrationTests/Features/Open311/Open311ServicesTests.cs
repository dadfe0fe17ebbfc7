using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>GeoReport v2 discovery, services and service definitions, each in JSON and in XML, and the specification's errors.</summary>
public sealed class Open311ServicesTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Discovery_JsonAndXml_NameThisEndpointAndBothFormats()
    {
        var json = await JsonAsync("/open311/v2/discovery.json");
        var xml = await XmlAsync("/open311/v2/discovery.xml");

        var endpoint = json.GetProperty("endpoints")[0];
        Assert.Equal("http://localhost:5084/open311/v2", endpoint.GetProperty("url").GetString()); // Mail:PublicBaseUrl, never the Host header
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("key_service").GetString()));

        Assert.Equal("discovery", xml.Root!.Name.LocalName);
        Assert.Equal(["text/xml", "application/json"], xml.Root.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value));
    }

    [Fact]
    public async Task Services_ListActiveSubCategoriesWithTheirGroup_SameInJsonAndXml()
    {
        var (parent, child, retired) = await SeedCategoriesAsync();

        var json = await JsonAsync("/open311/v2/services.json");
        var xml = await XmlAsync("/open311/v2/services.xml");

        var services = json.EnumerateArray().ToList();
        Assert.NotEmpty(services);
        var road = services.Single(s => s.GetProperty("service_code").GetString() == child);
        Assert.Equal("Jalan Rusak Open311", road.GetProperty("service_name").GetString());
        Assert.Equal("Infrastruktur Open311", road.GetProperty("group").GetString());
        Assert.True(road.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", road.GetProperty("type").GetString());
        Assert.DoesNotContain(services, s => s.GetProperty("service_code").GetString() == parent); // reports are filed under a sub-category
        Assert.DoesNotContain(services, s => s.GetProperty("service_code").GetString() == retired);

        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.Equal(services.Select(s => s.GetProperty("service_code").GetString()), xml.Root.Elements("service").Select(s => s.Element("service_code")!.Value));
        Assert.Equal("true", xml.Root.Elements("service").Single(s => s.Element("service_code")!.Value == child).Element("metadata")!.Value);
    }

    [Fact]
    public async Task ServiceDefinition_JsonAndXml_ListTheAttributesWithTheirValues()
    {
        var (_, child, _) = await SeedCategoriesAsync();

        var json = await JsonAsync($"/open311/v2/services/{child}.json?jurisdiction_id=provinsi");
        var xml = await XmlAsync($"/open311/v2/services/{child}.xml");

        Assert.Equal(child, json.GetProperty("service_code").GetString());
        var attributes = json.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["classification", "title", "anonymous", "confidential"], attributes.Select(a => a.GetProperty("code").GetString()));
        var classification = attributes[0];
        Assert.Equal("singlevaluelist", classification.GetProperty("datatype").GetString());
        Assert.Equal(["Complaint", "Aspiration", "InformationRequest"], classification.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));

        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        var xmlAttributes = xml.Root.Element("attributes")!.Elements("attribute").ToList();
        Assert.Equal(attributes.Select(a => a.GetProperty("code").GetString()), xmlAttributes.Select(a => a.Element("code")!.Value));
        Assert.Equal(["false", "true"], xmlAttributes[2].Element("values")!.Elements("value").Select(v => v.Element("key")!.Value));
    }

    [Theory]
    [InlineData("/open311/v2/services/999999.json", "json")]
    [InlineData("/open311/v2/services/999999.xml", "xml")]
    [InlineData("/open311/v2/services/bukan-kode.json", "json")]
    [InlineData("/open311/v2/requests-unknown.json", "json")]
    [InlineData("/open311/v2/services.yaml", "json")]
    [InlineData("/open311/v2/tokens/0123456789abcdef0123456789abcdef.json", "json")]
    [InlineData("/open311/v2/tokens/bukan-token.xml", "xml")]
    public async Task NotFound_AnswersTheSpecificationsErrorList(string url, string format)
    {
        var response = await app.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        if (format == "xml")
        {
            var error = XDocument.Parse(body).Root!;
            Assert.Equal("errors", error.Name.LocalName);
            Assert.Equal("404", error.Element("error")!.Element("code")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(error.Element("error")!.Element("description")!.Value));
        }
        else
        {
            var error = JsonDocument.Parse(body).RootElement[0];
            Assert.Equal(404, error.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
        }
    }

    [Fact]
    public async Task Services_CultureEn_UseTheEnglishNames()
    {
        var (_, child, _) = await SeedCategoriesAsync();
        // As on the pages: Indonesian unless the culture is asked for.
        var services = await JsonAsync("/open311/v2/services.json?culture=en");

        Assert.Equal("Damaged road Open311", services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == child).GetProperty("service_name").GetString());
    }

    [Fact]
    public async Task Discovery_IsInOneLanguage_TheCallersAcceptLanguage_ElseIndonesian()
    {
        var indonesian = await JsonAsync("/open311/v2/discovery.json");
        var english = await JsonAsync("/open311/v2/discovery.json", "en-GB,en;q=0.9");
        var byQuery = await JsonAsync("/open311/v2/discovery.json?culture=en", "id");

        Assert.Equal(("Diskominfo, pengelola Lapor", "Mintalah klien API kepada administrator portal (Administrasi › API)."),
            (indonesian.GetProperty("contact").GetString(), indonesian.GetProperty("key_service").GetString()));
        Assert.Equal(("Diskominfo, the team that runs Lapor", "Ask the portal's administrators for an API client (Administration › API)."),
            (english.GetProperty("contact").GetString(), english.GetProperty("key_service").GetString()));
        Assert.Equal(english.GetProperty("contact").GetString(), byQuery.GetProperty("contact").GetString()); // the query still wins
    }

    [Fact]
    public async Task AcceptLanguage_SwitchesTheApi_NotThePages()
    {
        var (_, child, _) = await SeedCategoriesAsync();

        var services = await JsonAsync("/open311/v2/services.json", "en");
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/");
        pageRequest.Headers.AcceptLanguage.ParseAdd("en");
        var page = await app.CreateClient().SendAsync(pageRequest);

        Assert.Equal("Damaged road Open311", services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == child).GetProperty("service_name").GetString());
        Assert.Contains("<html lang=\"id\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var discoveryRequest = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/discovery.json");
        discoveryRequest.Headers.AcceptLanguage.ParseAdd("en");
        var discovery = await app.CreateClient().SendAsync(discoveryRequest);
        Assert.Contains("Accept-Language", discovery.Headers.Vary); // a cache keeps one copy per language
        Assert.DoesNotContain("Accept-Language", page.Headers.Vary);
    }

    private async Task<JsonElement> JsonAsync(string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<XDocument> XmlAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()); // throws unless well-formed
    }

    /// <summary>A parent and a child category, and a retired one; codes as strings.</summary>
    private async Task<(string Parent, string Child, string Retired)> SeedCategoriesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var parent = db.Categories.FirstOrDefault(c => c.Name == "Infrastruktur Open311");
        if (parent is null)
        {
            parent = new Category("Infrastruktur Open311", "Infrastructure Open311");
            db.Categories.Add(parent);
            await db.SaveChangesAsync();
            db.Categories.Add(new Category("Jalan Rusak Open311", "Damaged road Open311", parent.Id));
            var retired = new Category("Lama Open311", "Old Open311", parent.Id);
            retired.Deactivate();
            db.Categories.Add(retired);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        }

        string Code(string name) => db.Categories.Single(c => c.Name == name).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (Code("Infrastruktur Open311"), Code("Jalan Rusak Open311"), Code("Lama Open311"));
    }
}
