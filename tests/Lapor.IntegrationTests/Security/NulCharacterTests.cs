using System.Net;
using System.Net.Http.Headers;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Security;

/// <summary>A NUL character (%00) in a query or form value is refused with 400 on every database, before PostgreSQL could choke on it.</summary>
public sealed class NulCharacterTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task InQuery_ThePageAnswers400WithTheErrorPage()
    {
        await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        var inbox = await officer.Client.GetAsync("/inbox?Q=jalan%00rusak");

        Assert.Equal(HttpStatusCode.BadRequest, inbox.StatusCode);
        Assert.Contains("text/html", inbox.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/inbox?Q=jalan")).StatusCode);
    }

    [Fact]
    public async Task InQuery_AJsonClientGetsAProblemDocument()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/requests.json?service_request_id=LPR%00");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var answer = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task InAForm_ThePostIsRefused()
    {
        await StaffWorld.CreateAsync(app);
        var browser = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(browser, "/Account/Login");

        var posted = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken("/Account/Login"),
            ["Email"] = StaffWorld.OfficerA + "\0",
            ["Password"] = Citizen.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }
}
