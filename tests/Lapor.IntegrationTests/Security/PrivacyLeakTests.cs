using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Lapor.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Serilog.Core;
using Serilog.Events;

namespace Lapor.IntegrationTests.Security;

/// <summary>The app with every log event kept, so tests can search the log text too.</summary>
public sealed class LogCapturingAppFactory : LaporAppFactory
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }
}

/// <summary>A Serilog sink (picked up through ReadFrom.Services) holding each event's rendered text and properties.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        var text = logEvent.RenderMessage(CultureInfo.InvariantCulture) + " " + string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + logEvent.Exception;
        lock (_lines)
        {
            _lines.Add(text);
        }
    }
}

/// <summary>
/// One anonymous report carrying canary personal data and an XSS/CSV-injection corpus, worked
/// through the whole lifecycle; then every page, export, e-mail and log line that officers, heads,
/// oversight or the public can reach is searched (QUALITY 7, 8, 16, 24).
/// </summary>
public sealed class PrivacyLeakTests(LogCapturingAppFactory app) : IClassFixture<LogCapturingAppFactory>
{
    private const string NameCanary = "KANARI-NAMA-7F3A";
    private const string EmailCanary = "kanari.7f3a@contoh.id";
    private const string PhoneCanary = "081277773737";
    private const string Xss = "<script>alert('xss')</script>\"><svg onload=alert(1)><img src=x onerror=alert(2)>";

    [Fact]
    public async Task AnonymousReporter_NeverReachesOfficersHeadsOversightThePublicMailsOrLogs_AndPayloadsStayEscaped()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), title: "=HYPERLINK(\"http://jahat.example\") " + Xss, fields: new Dictionary<string, string>
        {
            ["Form.Body"] = "javascript:alert(3) {{7*7}} \u202Egnp.exe " + Xss,
            ["Form.Location"] = Xss,
            ["Form.ReporterName"] = NameCanary,
            ["Form.ReporterEmail"] = EmailCanary,
            ["Form.ReporterPhone"] = PhoneCanary,
            ["Form.IsAnonymous"] = "true",
        });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await officer.ActAsync(number, "tanggapi", ("Text", "Tanggapan " + Xss), ("Public", "true"));
        await officer.ActAsync(number, "tindak-lanjut-akhir", ("Text", "Selesai " + Xss), ("Public", "true"));
        var head = await Staff.SignInAsync(app, StaffWorld.HeadA);
        var overseer = await Staff.SignInAsync(app, StaffWorld.Overseer);
        var year = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);

        var reachable = new List<(string Where, string Content, bool IsHtml)>();
        async Task Collect(HttpClient client, string who, string url)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{who} {url}: {(int)response.StatusCode} {app.Logs.Lines.LastOrDefault(l => l.Contains("Exception", StringComparison.Ordinal))}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var isXlsx = url.EndsWith(".xlsx", StringComparison.Ordinal);
            reachable.Add(($"{who} {url}", isXlsx ? XlsxText(bytes) : Encoding.UTF8.GetString(bytes), response.Content.Headers.ContentType?.MediaType == "text/html"));
        }

        foreach (var url in new[] { "/inbox", $"/inbox/{number}", "/notifikasi" })
        {
            await Collect(officer.Client, "officer", url);
        }

        foreach (var url in new[] { $"/inbox/{number}", "/dashboard?year=" + year, "/dashboard/laporan?year=" + year, "/dashboard/ekspor-laporan.csv?year=" + year, "/dashboard/ekspor.csv?year=" + year, "/dashboard/ekspor.xlsx?year=" + year, "/dashboard/cetak?year=" + year })
        {
            await Collect(head.Client, "head", url);
            await Collect(overseer.Client, "oversight", url);
        }

        await Collect(coordinator.Client, "coordinator before revealing", $"/inbox/{number}");
        var visitor = app.CreateBrowser();
        foreach (var url in new[] { "/laporan", $"/laporan/{number}", $"/lacak/{number}", "/statistik" })
        {
            await Collect(visitor, "public", url);
        }

        await WaitForMailAsync();
        foreach (var file in Directory.GetFiles(app.MailPath, "*.eml"))
        {
            var mail = await MimeMessage.LoadAsync(file);
            if (!mail.To.Mailboxes.Any(m => m.Address == EmailCanary))
            {
                reachable.Add(($"mail to {mail.To}", mail.Subject + mail.TextBody + mail.HtmlBody, mail.HtmlBody is not null));
            }
        }

        reachable.AddRange(app.Logs.Lines.Select(line => ("log", line, false)));

        var leaks = reachable.Where(r => new[] { NameCanary, EmailCanary, PhoneCanary }.Any(c => r.Content.Contains(c, StringComparison.OrdinalIgnoreCase))).Select(r => r.Where).ToList();
        Assert.True(leaks.Count == 0, "identity leaked to: " + string.Join(", ", leaks));
        Assert.Contains(reachable, r => r.Where.StartsWith("public /laporan/", StringComparison.Ordinal) && r.Content.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Contains(reachable, r => r.Where.StartsWith("mail", StringComparison.Ordinal));

        var unsafeHtml = reachable.Where(r => r.IsHtml).SelectMany(r => ScriptInjections(r.Content).Select(i => $"{r.Where}: {i}")).ToList();
        Assert.True(unsafeHtml.Count == 0, string.Join(Environment.NewLine, unsafeHtml));
        var csv = reachable.Single(r => r.Where.StartsWith("head /dashboard/ekspor-laporan.csv", StringComparison.Ordinal)).Content;
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfidentialReport_IsAbsentFromEveryPublicPage()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), title: "Laporan rahasia KANARI-RAHASIA", fields: new Dictionary<string, string>
        {
            ["Form.IsConfidential"] = "true",
            ["Form.Location"] = "Lokasi KANARI-RAHASIA",
        });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var visitor = app.CreateBrowser();
        var citizen = (await Staff.SignInAsync(app, StaffWorld.CitizenX)).Client;

        foreach (var client in new[] { visitor, citizen })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/laporan/{number}")).StatusCode);
            foreach (var url in new[] { "/laporan", "/laporan?q=KANARI", "/statistik", $"/lacak/{number}" })
            {
                var body = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
                Assert.DoesNotContain("KANARI-RAHASIA", body, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Script that would run: script elements with payload text, event-handler attributes, javascript: links.</summary>
    private static IEnumerable<string> ScriptInjections(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var script in document.QuerySelectorAll("script").Where(s => s.TextContent.Contains("alert", StringComparison.Ordinal)))
        {
            yield return "script element: " + script.OuterHtml;
        }

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"attribute {attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>";
                }
            }
        }
    }

    private static string XlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    private async Task WaitForMailAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            if (!await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.DeadLetteredAt == null)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox did not drain within 10 s.");
    }
}
