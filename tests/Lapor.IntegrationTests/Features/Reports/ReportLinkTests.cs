using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapor.TestSupport;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Features.Citizen.Tracking;
using Lapor.Web.Features.Integrations.Intake;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Reports;

/// <summary>
/// The access code is never lost: the filing browser stays unlocked, the confirmation keeps the code
/// until dismissed, the confirmation message carries a signed link that opens the report in any
/// browser, and a new link goes only to the contact on file without telling anyone whether there is one.
/// </summary>
public sealed partial class ReportLinkTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    private const string Body = "Lubang besar di depan pasar membahayakan pengendara motor setiap malam.";

    [Fact]
    public async Task Filing_UnlocksTheFilingBrowser_WithALongLivedLaxHttpOnlyCookie()
    {
        var client = app.CreateBrowser();
        var response = await Citizen.FileAsync(client);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-lapor.track=", StringComparison.Ordinal));
        var page = await HtmlPage.GetAsync(client, $"/lacak/{Number(response)}");

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"max-age={(int)TimeSpan.FromDays(90).TotalSeconds}", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Body, page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#AccessCode"));
    }

    [Fact]
    public async Task Confirmation_KeepsTheCodeOnReload_UntilDismissed_AndASharedComputerIsLockedAgain()
    {
        var client = app.CreateBrowser();
        var url = (await Citizen.FileAsync(client)).Headers.Location!.OriginalString;
        var number = url["/lapor/terkirim/".Length..];

        var first = await HtmlPage.GetAsync(client, url);
        var reload = await HtmlPage.GetAsync(client, url);
        var code = first.Document.QuerySelector("[data-testid=access-code]")!.TextContent.Trim();
        Assert.Equal(code, reload.Document.QuerySelector("[data-testid=access-code]")?.TextContent.Trim());
        Assert.True(reload.Response.Headers.CacheControl?.NoStore);

        var dismissed = await client.PostAsync($"{url}/sudah-dicatat", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SharedDevice"] = "true",
            ["__RequestVerificationToken"] = reload.AntiforgeryToken($"{url}/sudah-dicatat"),
        }));
        var after = await HtmlPage.GetAsync(client, dismissed.Headers.Location!.OriginalString);
        var track = await HtmlPage.GetAsync(client, $"/lacak/{number}");

        Assert.Equal(url, dismissed.Headers.Location!.OriginalString);
        Assert.Null(after.Document.QuerySelector("[data-testid=access-code]"));
        Assert.DoesNotContain(code, after.Html, StringComparison.Ordinal);
        Assert.Contains("terkunci lagi di peramban ini", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Body, track.Text, StringComparison.Ordinal);
        Assert.NotNull(track.Document.QuerySelector("#AccessCode"));
    }

    [Fact]
    public async Task ConfirmationMail_CarriesASignedLink_ThatOpensTheReportInAFreshBrowser_AndLeavesForTheCleanAddress()
    {
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var mail = await MailAsync(number, "FilingConfirmation");

        var link = Link(mail.TextBody);
        var fresh = app.CreateBrowser();
        var opened = await fresh.GetAsync(link.PathAndQuery);
        var page = await HtmlPage.GetAsync(fresh, opened.Headers.Location!.OriginalString);

        Assert.DoesNotContain(code!, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/lacak/{number}/tautan?t=", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/lacak/{number}", opened.Headers.Location!.OriginalString);
        Assert.True(opened.Headers.CacheControl?.NoStore);
        Assert.Contains(Body, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_TamperedCutShortOrForAnotherReport_IsRefusedWithAClearPage()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var (other, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var token = Token(Link((await MailAsync(number, "FilingConfirmation")).TextBody));
        var flipped = (token[10] == 'A' ? 'B' : 'A').ToString();

        foreach (var (target, bad) in new[]
        {
            (number, token[..10] + flipped + token[11..]),
            (number, token[..^12]),
            (number, ""),
            (number, "%00%27%22"),
            (other, token),
        })
        {
            var client = app.CreateBrowser();
            var response = await client.GetAsync($"/lacak/{target}/tautan?t={bad}");
            var page = await HtmlPage.GetAsync(client, response.Headers.Location!.OriginalString);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Tautan ini tidak dapat dipakai", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(Body, page.Text, StringComparison.Ordinal);
            Assert.NotNull(page.Document.QuerySelector($"form[action='/lacak/{target}/tautan-baru']"));
        }
    }

    [Fact]
    public async Task Link_PastItsThirtyDays_IsRefusedAsExpired()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var links = app.Services.GetRequiredService<ReportLinks>();
        var old = links.Create(number, "andi@contoh.id", DateTimeOffset.UtcNow.AddDays(-31));
        var lastDay = links.Create(number, "ANDI@contoh.id ", DateTimeOffset.UtcNow.AddDays(-29));

        var client = app.CreateBrowser();
        var expired = await client.GetAsync($"/lacak/{number}/tautan?t={old.Token}");
        var page = await HtmlPage.GetAsync(client, expired.Headers.Location!.OriginalString);
        var stillValid = await HtmlPage.GetAsync(client, (await client.GetAsync($"/lacak/{number}/tautan?t={lastDay.Token}")).Headers.Location!.OriginalString);

        Assert.Contains("Tautan ini sudah kedaluwarsa (tautan berlaku 30 hari)", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Body, page.Text, StringComparison.Ordinal);
        Assert.Contains(Body, stillValid.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_IsShortEnoughForAnSms_AndALinkOfTheFirstVersionStillOpens()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var links = app.Services.GetRequiredService<ReportLinks>();
        var current = links.Create(number, "andi@contoh.id", DateTimeOffset.UtcNow);
        var firstVersion = links.CreateFirstVersion(number, "andi@contoh.id", DateTimeOffset.UtcNow);

        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, (await client.GetAsync($"/lacak/{number}/tautan?t={firstVersion.Token}")).Headers.Location!.OriginalString);

        Assert.Equal(134, current.Token.Length);
        Assert.True(firstVersion.Token.Length > 170);
        Assert.Contains(Body, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_ToAContactErasedSince_NoLongerOpensTheReport()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var link = Link((await MailAsync(number, "FilingConfirmation")).TextBody);
        await app.WithDbAsync(async db =>
        {
            var identity = await db.ReporterIdentities.SingleAsync(i => db.Reports.Any(r => r.Id == i.ReportId && r.TrackingNumber == number));
            identity.Erase();
            await db.SaveChangesAsync();
        });

        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, (await client.GetAsync(link.PathAndQuery)).Headers.Location!.OriginalString);

        Assert.Contains("Tautan ini tidak dapat dipakai", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Body, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_AnswersAlikeWithOrWithoutAContact_AndMailsOnlyTheContactOnFile()
    {
        var (withMail, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.ReporterEmail"] = "kirim.ulang@contoh.id" });
        var (anonymous, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string>
        {
            ["Form.IsAnonymous"] = "true", ["Form.ReporterName"] = "", ["Form.ReporterEmail"] = "",
        });

        var answers = new List<(HttpStatusCode Status, string Message, string Html)>();
        foreach (var number in new[] { withMail, anonymous })
        {
            var client = app.CreateBrowser();
            var response = await ResendAsync(client, number);
            var page = await HtmlPage.GetAsync(client, response.Headers.Location!.OriginalString);
            answers.Add((response.StatusCode, page.Document.QuerySelector(".alert-success")!.TextContent.Trim(), page.Html));
        }

        Assert.Equal(answers[0].Status, answers[1].Status);
        Assert.Equal(answers[0].Message, answers[1].Message);
        Assert.DoesNotContain("kirim.ulang", answers[0].Html, StringComparison.Ordinal);
        var sent = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Template == ReportNotices.ReportLinkTemplate).Select(m => new { m.Recipient, m.PayloadJson }).ToListAsync());
        var mail = Assert.Single(sent, m => m.PayloadJson.Contains(withMail, StringComparison.Ordinal));
        Assert.Equal("kirim.ulang@contoh.id", mail.Recipient);
        Assert.DoesNotContain(sent, m => m.PayloadJson.Contains(anonymous, StringComparison.Ordinal));

        var fresh = app.CreateBrowser();
        var link = Link((await MailAsync(withMail, ReportNotices.ReportLinkTemplate)).TextBody);
        var opened = await HtmlPage.GetAsync(fresh, (await fresh.GetAsync(link.PathAndQuery)).Headers.Location!.OriginalString);
        Assert.Contains(Body, opened.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_ManyTimes_SendsAtMostThreeLinksADay()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.ReporterEmail"] = "banjir.tautan@contoh.id" });

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ResendAsync(app.CreateBrowserFrom($"198.51.100.{i + 1}"), number)).StatusCode);
        }

        Assert.Equal(3, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "banjir.tautan@contoh.id" && m.Template == ReportNotices.ReportLinkTemplate)));
    }

    [Fact]
    public async Task AnonymousReportWithoutContact_GetsNoMessageAndNoLink()
    {
        var client = app.CreateBrowser();
        var (number, code) = await Citizen.FileAndConfirmAsync(client, fields: new Dictionary<string, string>
        {
            ["Form.IsAnonymous"] = "true", ["Form.ReporterName"] = "", ["Form.ReporterEmail"] = "",
        });

        var reportId = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync());
        await ResendAsync(app.CreateBrowser(), number);

        Assert.NotNull(code);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ReportId == reportId || m.PayloadJson.Contains(number))));
        Assert.Contains(Body, (await HtmlPage.GetAsync(client, $"/lacak/{number}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmsFiledReport_ConfirmationReplyCarriesTheLink_WhichOpensTheWholeReport()
    {
        var text = "Air PDAM mati tiga hari di RT 07, mohon segera diperbaiki.";
        var body = JsonSerializer.SerializeToUtf8Bytes(new { message_id = "sms-tautan-1", from = "+6281234509999", name = "Sari", text });
        var number = JsonDocument.Parse(await (await PostSmsAsync(body)).Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString()!;

        var reply = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Channel == NotificationChannel.Sms && m.Recipient == "+6281234509999"));
        var composed = app.Services.GetRequiredService<MailTemplates>().ComposeText(reply.Template, reply.Culture, reply.PayloadJson);
        var client = app.CreateBrowser();
        var locked = await HtmlPage.GetAsync(client, $"/lacak/{number}");
        var opened = await HtmlPage.GetAsync(client, (await client.GetAsync(Link(composed).PathAndQuery)).Headers.Location!.OriginalString);

        Assert.DoesNotContain(text, locked.Text, StringComparison.Ordinal);
        Assert.Contains(number, composed, StringComparison.Ordinal);
        Assert.Contains(text, opened.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open311RequestWithAnEmail_ConfirmationMailCarriesTheLink_WhichOpensTheWholeReport()
    {
        var (serviceCode, key) = await Open311ClientAsync();
        var description = "Lampu jalan di depan SDN 5 mati sejak seminggu, warga khawatir saat malam.";
        var response = await app.CreateClient().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = serviceCode, ["description"] = description, ["email"] = "pelapor.api.tautan@contoh.id",
            ["lat"] = "-6.2", ["long"] = "106.8",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var row = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Recipient == "pelapor.api.tautan@contoh.id" && m.Template == "FilingConfirmation"));
        var mail = app.Services.GetRequiredService<MailTemplates>().Compose(row.Template, row.Recipient, row.Culture, row.PayloadJson);
        var client = app.CreateBrowser();
        var opened = await HtmlPage.GetAsync(client, (await client.GetAsync(Link(mail.TextBody).PathAndQuery)).Headers.Location!.OriginalString);

        Assert.Contains(description, opened.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lacak?nomor=lpr-zzzz-zzzz", "lpr-zzzz-zzzz")]
    [InlineData("/lacak/LPR-ZZZZ-ZZZZ", "LPR-ZZZZ-ZZZZ")]
    public async Task Lookup_WellFormedUnknownNumber_SaysNotFoundOnTheLookupPage_KeepingTheNumber(string url, string typed)
    {
        var page = await HtmlPage.GetAsync(app.CreateBrowser(), url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Laporan dengan nomor LPR-ZZZZ-ZZZZ tidak ditemukan", page.Text, StringComparison.Ordinal);
        Assert.Equal(typed, page.InputValue("nomor"));
        Assert.DoesNotContain("Halaman tidak ditemukan", page.Text, StringComparison.Ordinal);
    }

    /// <summary>A sub-category to file under and an API client allowed to create requests, as Open311PostTests arranges them.</summary>
    private async Task<(string ServiceCode, string Key)> Open311ClientAsync() => await app.WithDbAsync(async db =>
    {
        var group = new Category("Fasilitas Umum Tautan", "Public facilities Link");
        db.Categories.Add(group);
        await db.SaveChangesAsync();
        var category = new Category("Penerangan Jalan Tautan", "Street lights Link", group.Id);
        db.Categories.Add(category);
        var (client, key) = ApiClient.Create("Aplikasi warga", ApiOperations.CreateRequests, 60, DateTimeOffset.UtcNow);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync();
        await app.Services.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        return (category.Id.ToString(CultureInfo.InvariantCulture), key);
    });

    private static string Number(HttpResponseMessage filed) => filed.Headers.Location!.OriginalString["/lapor/terkirim/".Length..];

    private static async Task<HttpResponseMessage> ResendAsync(HttpClient client, string number)
    {
        var page = await HtmlPage.GetAsync(client, $"/lacak/{number}");
        return await client.PostAsync($"/lacak/{number}/tautan-baru", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken($"/lacak/{number}/tautan-baru"),
        }));
    }

    /// <summary>The message the outbox holds for the report, composed as the dispatcher would send it.</summary>
    private async Task<MimeKit.MimeMessage> MailAsync(string number, string template)
    {
        var row = await app.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.Template == template && m.Channel == NotificationChannel.Email && m.PayloadJson.Contains(number))
            .OrderByDescending(m => m.Id).FirstAsync());
        return app.Services.GetRequiredService<MailTemplates>().Compose(row.Template, row.Recipient, row.Culture, row.PayloadJson);
    }

    private static Uri Link(string? text) => new(LinkPattern().Match(text ?? "") is { Success: true } m ? m.Value : throw new InvalidOperationException($"No link in: {text}"));

    private static string Token(Uri link) => System.Web.HttpUtility.ParseQueryString(link.Query)["t"]!;

    private Task<HttpResponseMessage> PostSmsAsync(byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/intake/sms") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(IntakeSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(IntakeSignature.SignatureHeader, IntakeSignature.Sign(LaporAppFactory.IntakeSecret, timestamp, body));
        return app.CreateClient().SendAsync(request);
    }

    [GeneratedRegex(@"https?://\S+/lacak/LPR-[A-Z0-9-]+/tautan\?t=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}

/// <summary>"Kirim ulang tautan" with the shipped limits: the mail-sending budget per address (ten an hour), as for forgotten passwords.</summary>
public sealed class ReportLinkRateLimitTests : IDisposable
{
    private readonly ProductionSecurityAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Resend_MoreThanTenTimesAnHourFromOneAddress_MeetsA429()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var client = app.CreateBrowser();
        var token = (await HtmlPage.GetAsync(client, $"/lacak/{number}")).AntiforgeryToken($"/lacak/{number}/tautan-baru");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await client.PostAsync($"/lacak/{number}/tautan-baru", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]))).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 10), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(ReportLink.NewLinksPerReportPerDay, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Template == ReportNotices.ReportLinkTemplate)));
    }
}

/// <summary>Asking for a link and a link that does not open are security events, logged without the contact or the token.</summary>
public sealed class ReportLinkAuditTests(Security.LogCapturingAppFactory app) : IClassFixture<Security.LogCapturingAppFactory>
{
    [Fact]
    public async Task ResendAndRefusedLink_AreLoggedWithTheNumber_NeverTheContact()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.ReporterEmail"] = "jejak.tautan@contoh.id" });
        var client = app.CreateBrowser();
        var token = (await HtmlPage.GetAsync(client, $"/lacak/{number}")).AntiforgeryToken($"/lacak/{number}/tautan-baru");

        await client.PostAsync($"/lacak/{number}/tautan-baru", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
        await client.GetAsync($"/lacak/{number}/tautan?t=TOKEN-PALSU-7Q");

        var events = app.Logs.Lines.Where(l => l.StartsWith("Security event", StringComparison.Ordinal) && l.Contains(number, StringComparison.Ordinal)).ToList();
        Assert.Contains(events, e => e.Contains("\"authn_token_created\"", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Contains("\"authn_login_fail\"", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("jejak.tautan", StringComparison.Ordinal));

        // The request log names the path, never the query string that carries a link's token.
        Assert.Contains(app.Logs.Lines, l => l.Contains($"/lacak/{number}/tautan", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("TOKEN-PALSU-7Q", StringComparison.Ordinal));
    }
}
