using System.Net;
using Lapor.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Security;

/// <summary>
/// A plain-HTTP request that reached the portal without the proxy (its cookies are Secure) once answered 500: every
/// page renders a form, and the antiforgery cookie cannot be set over HTTP. It is sent to the public HTTPS address,
/// or refused with the 400 page (issue 15).
/// </summary>
public sealed class HttpsOnlyTests(ProductionSecurityAppFactory app) : IClassFixture<ProductionSecurityAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/laporan?Q=jalan&After=1_2")]
    [InlineData("/Account/Login")]
    public async Task PlainHttpGet_GoesToTheSameAddressOnThePublicHttpsOrigin(string path)
    {
        var response = await PlainHttp().GetAsync(path);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(ProductionSecurityAppFactory.PublicBaseUrl + path, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PlainHttpPost_GetsThe400PageWithoutForms()
    {
        var response = await PlainHttp().PostAsync("/lapor", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Title"] = "percobaan" }));
        var page = await HtmlPage.FromAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Gunakan alamat HTTPS", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("form"));
    }

    /// <summary>A proxy that says HTTPS but is not in Security:KnownProxies would be redirected round in circles.</summary>
    [Fact]
    public async Task PlainHttpGet_FromAnUntrustedProxySayingHttps_GetsThe400Page()
    {
        await using var outside = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FromAnUnknownAddress>()));
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await outside.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Gunakan alamat HTTPS", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Probes on the server itself use plain HTTP (docs/operations.md): they keep working.</summary>
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthChecks_AnswerOverPlainHttp(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await PlainHttp().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Https_IsServedAsBefore()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync("/")).StatusCode);
    }

    private HttpClient PlainHttp() => app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

    /// <summary>The test server's requests come from no address, which the forwarded-headers check trusts; these do not.</summary>
    private sealed class FromAnUnknownAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
                return then(context);
            });
            next(builder);
        };
    }
}
