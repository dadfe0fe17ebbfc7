using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Security;

/// <summary>
/// Every endpoint the app has, read from its endpoint data source, so a new action is covered
/// without a new test: unsafe ones refuse requests without a valid antiforgery token, non-public
/// ones refuse anonymous and wrong-role users, and report-bearing ones answer 404 across agencies
/// (QUALITY 1, 2, 5, 14, 15).
/// </summary>
public sealed partial class EndpointMatrixTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task UnsafeEndpoints_WithoutOrWithAnotherSessionsToken_AreRefusedAndChangeNothing()
    {
        var (world, number, _) = await ArrangeAsync();
        var all = await SuperUserAsync(world);
        var stranger = app.CreateBrowser();
        var strangersToken = (await HtmlPage.GetAsync(stranger, "/lapor")).AntiforgeryToken("/lapor");
        var before = await SnapshotAsync();

        var failures = new List<string>();
        var unsafeEndpoints = Endpoints().Where(e => e.Method is not ("GET" or "HEAD")).ToList();
        // Only the error pages, the channel intake and the Open311 POST skip antiforgery; the last two take a signature or an
        // api_key and no cookie (IntakeTests, Open311PostTests), so a full session without one is refused there too.
        Assert.Equal(["Error", "Error/{statusCode:int}", "intake/sms", "intake/telegram", "intake/whatsapp", "open311/v2/requests.{format:regex(^(json|xml)$)}"],
            unsafeEndpoints.Where(e => e.IgnoresAntiforgery).Select(e => e.Pattern).Distinct().Order(StringComparer.Ordinal));
        var open311 = await all.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "1", ["description"] = "percobaan" }));
        Assert.Equal(HttpStatusCode.Forbidden, open311.StatusCode);
        var intake = await all.PostAsync("/intake/sms", new StringContent("""{"message_id":"x","from":"+62","text":"percobaan"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, intake.StatusCode);
        foreach (var endpoint in unsafeEndpoints.Where(e => !e.IgnoresAntiforgery))
        {
            var url = Url(endpoint.Pattern, number, Guid.NewGuid());
            foreach (var (label, token) in new[] { ("no token", (string?)null), ("another session's token", strangersToken) })
            {
                var fields = new Dictionary<string, string> { ["Text"] = "percobaan", ["Version"] = "1" };
                if (token is not null)
                {
                    fields["__RequestVerificationToken"] = token;
                }

                var response = await all.PostAsync(url, new FormUrlEncodedContent(fields));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("Formulir kedaluwarsa", StringComparison.Ordinal))
                {
                    failures.Add($"{endpoint.Method} {url} ({label}): {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task NonPublicEndpoints_RefuseAnonymousVisitors()
    {
        var (_, number, attachment) = await ArrangeAsync();
        var anonymous = app.CreateBrowser();
        var token = (await HtmlPage.GetAsync(anonymous, "/lapor")).AntiforgeryToken("/lapor");

        var failures = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => !e.IsPublic))
        {
            var url = Url(endpoint.Pattern, number, attachment);
            var response = await SendAsync(anonymous, endpoint.Method, url, token);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath != "/Account/Login")
            {
                failures.Add($"{endpoint.Method} {url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData(StaffWorld.CitizenX)]
    [InlineData(StaffWorld.OfficerA)]
    [InlineData(StaffWorld.HeadA)]
    [InlineData(StaffWorld.Overseer)]
    [InlineData(StaffWorld.Coordinator)]
    [InlineData(StaffWorld.Admin)]
    public async Task RoleRestrictedEndpoints_RefuseEveryoneWithoutTheRole(string email)
    {
        var (_, number, attachment) = await ArrangeAsync();
        var session = await Staff.SignInAsync(app, email);
        var roles = await RolesOfAsync(email);
        var token = await session.TokenAsync();
        var before = await SnapshotAsync();

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints().Where(e => !e.IsPublic && e.Refuses(roles)))
        {
            checkedCount++;
            var url = Url(endpoint.Pattern, number, attachment);
            var response = await SendAsync(session.Client, endpoint.Method, url, token);
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
            {
                failures.Add($"{endpoint.Method} {url}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedCount > 0 || roles.Contains(Roles.Administrator) || roles.Contains(Roles.Coordinator), "no endpoint was out of this role's reach");
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Agency B's report, its attachment, its exports: officer A gets 404 for every one, by GET and by POST.</summary>
    [Theory]
    [InlineData(StaffWorld.OfficerA)]
    [InlineData(StaffWorld.HeadA)]
    [InlineData(StaffWorld.CitizenX)]
    public async Task ReportEndpoints_OfAnotherAgencysReport_Answer404AndLeakNothing(string email)
    {
        var (_, number, attachment) = await ArrangeAsync();
        var session = await Staff.SignInAsync(app, email);
        var roles = await RolesOfAsync(email);
        var token = await session.TokenAsync();
        var before = await SnapshotAsync();

        var failures = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.Pattern.Contains("{trackingNumber}", StringComparison.Ordinal) && !e.Pattern.StartsWith("laporan/", StringComparison.Ordinal)))
        {
            var url = Url(endpoint.Pattern, number, attachment);
            var response = await SendAsync(session.Client, endpoint.Method, url, token);
            var body = await response.Content.ReadAsStringAsync();
            var roleRefused = endpoint.Refuses(roles) && response.StatusCode == HttpStatusCode.Forbidden;
            if ((response.StatusCode != HttpStatusCode.NotFound && !roleRefused && !IsReporterGate(endpoint, response))
                || body.Contains("Rahasia matriks B", StringComparison.Ordinal) || body.Contains("Pelapor Matriks", StringComparison.Ordinal))
            {
                failures.Add($"{endpoint.Method} {url}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Garbled or missing query values get a page or a clear error, never a 500 (QUALITY 25).</summary>
    [Theory]
    [InlineData("")]
    [InlineData("?year=-5&month=13&quarter=9&from=0001-01-01&to=0001-01-01&page=abc&after=zzz&status=Nope&agencyId=-1")]
    [InlineData("?from=9999-12-31&to=9999-12-31&year=99999&q=%3Cscript%3E")]
    public async Task EveryPage_WithGarbledQuery_NeverAnswers500(string query)
    {
        var (world, number, attachment) = await ArrangeAsync();
        var all = await SuperUserAsync(world);

        var failures = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.Method == "GET" && !e.Pattern.StartsWith("Error", StringComparison.Ordinal)))
        {
            var url = Url(endpoint.Pattern, number, attachment) + query;
            var response = await all.GetAsync(url);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Every page in both languages shows words, never a resource key: a key that sits in another area's
    /// resource file (or nowhere) renders as its own name, and only a page that asks for it shows that.
    /// </summary>
    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task EveryPage_ShowsNoResourceKeyAsText(string culture)
    {
        var (world, number, attachment) = await ArrangeAsync();
        var all = await SuperUserAsync(world);
        var keys = Directory.EnumerateFiles(Path.Combine(LocalProcesses.RepositoryRoot, "src", "Lapor.Web", "Resources"), "*.resx", SearchOption.AllDirectories)
            .SelectMany(file => System.Xml.Linq.XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!))
            .ToHashSet(StringComparer.Ordinal);

        var shown = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.Method == "GET" && !e.Pattern.StartsWith("Error", StringComparison.Ordinal)))
        {
            var url = Url(endpoint.Pattern, number, attachment);
            var response = await all.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? '&' : '?') + "culture=" + culture);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            // Text and the attributes people read (labels, titles, placeholders); field names like "Form.Title" are not text.
            var html = await response.Content.ReadAsStringAsync();
            var text = string.Join(' ', new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).All
                .SelectMany(e => new[] { e.ChildNodes.OfType<AngleSharp.Dom.IText>().Select(n => n.Data), [e.GetAttribute("title") ?? "", e.GetAttribute("aria-label") ?? "", e.GetAttribute("placeholder") ?? "", e.GetAttribute("alt") ?? ""] }.SelectMany(s => s)));
            shown.AddRange(KeyLike().Matches(text).Select(m => m.Value).Where(keys.Contains).Distinct().Select(key => $"{url}: {key}"));
        }

        Assert.NotEmpty(keys);
        Assert.True(shown.Count == 0, string.Join(Environment.NewLine, shown));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.])[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+(?![\w.])")]
    private static partial System.Text.RegularExpressions.Regex KeyLike();

    /// <summary>HEAD is GET without the body: every page answers it as GET does, not with the fallback's 404 (issue 15).</summary>
    [Fact]
    public async Task EveryGetEndpoint_AnswersHeadAsItAnswersGet()
    {
        var (world, number, attachment) = await ArrangeAsync();
        var sessions = new[] { app.CreateBrowser(), await SuperUserAsync(world) };

        var failures = new List<string>();
        var answeringHead = Endpoints().Where(e => e.Method == "HEAD").Select(e => e.Pattern).ToHashSet();
        foreach (var endpoint in Endpoints().Where(e => e.Method == "GET" && answeringHead.Contains(e.Pattern)))
        {
            var url = Url(endpoint.Pattern, number, attachment);
            foreach (var client in sessions)
            {
                var get = await client.GetAsync(url);
                var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
                if (head.StatusCode != get.StatusCode || head.Headers.Location != get.Headers.Location || head.Content.Headers.ContentType?.MediaType != get.Content.Headers.ContentType?.MediaType)
                {
                    failures.Add($"HEAD {url}: {(int)head.StatusCode} {head.Headers.Location}, GET: {(int)get.StatusCode} {get.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Contains(Endpoints(), e => e.Method == "HEAD" && e.Pattern == "laporan/{trackingNumber}");

        // GETs with a side effect a probe must not trigger (a code shown, a signed link that unlocks, an audited download) are GET only.
        Assert.DoesNotContain("lapor/terkirim/{trackingNumber}", answeringHead);
        Assert.DoesNotContain("akun/data-saya.json", answeringHead);
        Assert.DoesNotContain("lacak/{trackingNumber}/tautan", answeringHead);
        Assert.Equal(
            ["akun/data-saya.json", "lacak/{trackingNumber}/tautan", "lapor/terkirim/{trackingNumber}"],
            Endpoints().Where(e => e.Method == "GET" && !answeringHead.Contains(e.Pattern) && !e.Pattern.StartsWith("Error", StringComparison.Ordinal)) // error pages take any method
                .Select(e => e.Pattern).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>A NUL in a posted form (found by wapiti) once turned every error page into a 500.</summary>
    [Fact]
    public async Task PostWithControlCharacters_GetsItsOwnStatus_NotA500()
    {
        var client = app.CreateBrowser();

        var response = await client.PostAsync("/Account/Login", new StringContent("ReturnUrl=%2Fe%00&Email=&Password=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A return address with non-ASCII characters (wapiti) once broke the Location header.</summary>
    [Fact]
    public async Task LanguageSwitch_WithATamperedReturnAddress_GoesHome()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/");

        var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/\u00BF'\"(",
            ["__RequestVerificationToken"] = page.AntiforgeryToken("/culture"),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    /// <summary>A checkbox posted as "true'\"(" (wapiti) once made the re-shown form throw.</summary>
    [Fact]
    public async Task CheckboxWithAGarbledValue_ReshowsTheFormWithoutA500()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Login");

        var response = await HtmlPage.FromAsync(await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "siapa@contoh.id",
            ["Password"] = "",
            ["RememberMe"] = "true\u00BF'\"(",
            ["__RequestVerificationToken"] = page.AntiforgeryToken("/Account/Login"),
        })));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("siapa@contoh.id", response.InputValue("Email"));
    }

    [Fact]
    public void Matrix_SeesTheAppsEndpoints()
    {
        var endpoints = Endpoints();

        Assert.Contains(endpoints, e => e.Pattern == "inbox/{trackingNumber}/lampiran/{attachmentId:guid}");
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("dashboard/ekspor", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Method == "POST" && e.Pattern == "admin/pengguna/undang");
        Assert.True(endpoints.Count > 60, $"only {endpoints.Count} endpoints found");
    }

    /// <summary>
    /// The public tracking page of a report answers everyone with the public view (or asks for the
    /// access code): that is the reporter's gate, not staff access, and it shows nothing private.
    /// </summary>
    private static bool IsReporterGate(AppEndpoint endpoint, HttpResponseMessage response) =>
        endpoint.Pattern.StartsWith("lacak/", StringComparison.Ordinal) || endpoint.Pattern.StartsWith("lapor/terkirim", StringComparison.Ordinal)
            ? response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden
            : false;

    private List<AppEndpoint> Endpoints() => AppEndpoints.All(app);

    /// <summary>Agency B's confidential, anonymous report with an attachment; the world's accounts.</summary>
    private async Task<(StaffWorld World, string Number, Guid Attachment)> ArrangeAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), title: "Rahasia matriks B",
            extra: f => Citizen.AddFile(f, TestImages.Jpeg(), "bukti-b.jpg", "image/jpeg"),
            fields: new Dictionary<string, string> { ["Form.ReporterName"] = "Pelapor Matriks", ["Form.IsAnonymous"] = "true", ["Form.IsConfidential"] = "true" });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyB.ToString(CultureInfo.InvariantCulture)));
        var attachment = await app.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).Select(a => a.Id).SingleAsync());
        return (world, number, attachment);
    }

    /// <summary>A session holding every role, so only the antiforgery check can refuse its posts.</summary>
    private async Task<HttpClient> SuperUserAsync(StaffWorld world)
    {
        const string email = "semua.peran@uji.id";
        if (!await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)))
        {
            var id = await Citizen.CreateAccountAsync(app, email, Roles.Administrator);
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
            await users.AddToRolesAsync((await users.FindByIdAsync(id))!, Roles.All.Where(r => r != Roles.Administrator));
            Assert.NotEqual(0, world.AgencyA);
        }

        return (await Staff.SignInAsync(app, email)).Client;
    }

    private Task<string[]> RolesOfAsync(string email) => app.WithDbAsync(db =>
        db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == email)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToArrayAsync());

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string token) =>
        method is "GET" or "HEAD"
            ? client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))
            : client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Text"] = "percobaan", ["Version"] = "1" }),
            });

    private static string Url(string pattern, string number, Guid attachment) => AppEndpoints.Url(pattern, number, attachment);

    private Task<string> SnapshotAsync() => app.WithDbAsync(async db => string.Join('|',
        await db.Reports.CountAsync(), await db.Reports.SumAsync(r => r.Version), await db.RoutingEntries.CountAsync(), await db.Messages.CountAsync(),
        await db.Users.CountAsync(), await db.UserRoles.CountAsync(), await db.Agencies.CountAsync(), await db.Categories.CountAsync(),
        await db.Holidays.CountAsync(), await db.ApiClients.CountAsync(), await db.ResponseTemplates.CountAsync(), await db.ReportSupports.CountAsync()));
}
