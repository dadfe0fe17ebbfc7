using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Lapor.TestSupport;
using Xunit.Abstractions;

namespace Lapor.IntegrationTests.Operations;

/// <summary>
/// The crash harness (issue 9): citizens file reports with photos in a loop while the portal process
/// is killed with SIGKILL at random moments and restarted, 30 times. Afterwards every report whose
/// confirmation page was served is complete, and no report anywhere is half-written.
/// </summary>
[Trait("Category", "Long")]
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 30;
    private const int Filers = 3;
    private readonly string _root = Directory.CreateTempSubdirectory("lapor-crash-").FullName;

    private sealed record Confirmed(string Number, int Files);

    [Fact]
    public async Task KilledThirtyTimesWhileFiling_LosesNoConfirmedReport_AndLeavesNoneHalfWritten()
    {
        var settings = PortalProcess.SettingsUnder(_root);
        settings["Mail__PollInterval"] = "00:00:00.500";
        settings["Security__SecureCookies"] = "false"; // plain HTTP on loopback
        settings["Security__RateLimits__FilingPerMinute"] = "100000";
        settings["Security__RateLimits__FilingPerDay"] = "100000";
        foreach (var limit in new[] { "FilingWithoutCookiePerMinute", "FilingWithoutCookiePerDay", "FilingPerAddressPerDay", "FilingAttemptsPerMinute" })
        {
            settings[$"Security__RateLimits__{limit}"] = "100000";
        }
        using var portal = new PortalProcess(settings);
        var confirmed = new ConcurrentBag<Confirmed>();
        var attempts = 0;
        using var stop = new CancellationTokenSource();

        await portal.StartAsync(TimeSpan.FromSeconds(120));
        var filers = Enumerable.Range(0, Filers).Select(filer => Task.Run(async () =>
        {
            var photos = new[] { TestImages.Jpeg(64 + filer, 48), TestImages.Jpeg(640, 480 + filer) };
            while (!stop.IsCancellationRequested)
            {
                var files = 1 + (Interlocked.Increment(ref attempts) % 2);
                try
                {
                    if (await FileOnceAsync(portal.BaseAddress, photos, files) is { } number)
                    {
                        confirmed.Add(new Confirmed(number, files));
                    }
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The portal died under this request, or is restarting: try again shortly.
                    await Task.Delay(50);
                }
            }
        })).ToList();

        try
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                // Each life of the portal first confirms a filing, however slow a busy machine makes its start,
                // then dies at a random moment while the citizens go on filing.
                var before = confirmed.Count;
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
                while (confirmed.Count == before)
                {
                    Assert.True(DateTime.UtcNow < deadline, $"Life {kill + 1} of the portal confirmed no filing within 120 s:\n{portal.Output}");
                    await Task.Delay(20);
                }

                await Task.Delay(RandomNumberGenerator.GetInt32(0, 2000)); // timing is what varies, so no seed to replay
                portal.Kill();
                await portal.StartAsync(TimeSpan.FromSeconds(120));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(filers);
        }

        // Every confirmed report is visible to the public status page of the restarted portal…
        using (var visitor = new HttpClient { BaseAddress = portal.BaseAddress })
        {
            foreach (var report in confirmed)
            {
                var page = await visitor.GetAsync($"/lacak/{report.Number}");
                Assert.True(page.StatusCode == HttpStatusCode.OK, $"{report.Number}: /lacak answered {(int)page.StatusCode}");
            }
        }

        portal.Kill();

        // …and complete in the database, as is every other report there.
        var stored = ReadStoredReports();
        var lost = confirmed.Where(c => !stored.TryGetValue(c.Number, out var s) || s.Files.Count != c.Files).Select(c => c.Number).ToList();
        var halfWritten = stored.Values.Where(s => Problems(s).Any()).ToList();
        var referenced = stored.Values.SelectMany(s => s.Files).Select(f => f.StoredName).ToHashSet();
        var unreferenced = Directory.GetFiles(Path.Combine(_root, "attachments")).Count(f => !referenced.Contains(Path.GetFileName(f)));
        output.WriteLine($"{Kills} kills, {attempts} filings attempted, {confirmed.Count} confirmed, {stored.Count} stored, "
            + $"{lost.Count} lost, {halfWritten.Count} half-written, "
            + $"{unreferenced} files no report names (uploads of filings the kill cut short)");

        Assert.Empty(lost);
        Assert.All(halfWritten, s => Assert.Fail($"{s.Number} half-written: {string.Join("; ", Problems(s))}"));
    }

    public void Dispose()
    {
        TestDatabase.Drop(_root);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>One citizen's whole filing: the form, the post with photos, the confirmation page. The tracking number when that page was served.</summary>
    private static async Task<string?> FileOnceAsync(Uri portal, byte[][] photos, int files)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = portal,
            Timeout = TimeSpan.FromSeconds(15),
        };
        var form = await HtmlPage.GetAsync(client, "/lapor");
        if (form.Status != HttpStatusCode.OK)
        {
            return null;
        }

        var posted = await client.PostAsync("/lapor", Citizen.ReportForm(
            form.AntiforgeryToken("/lapor"), Guid.Parse(form.InputValue("Form.SubmissionToken")), "Uji ketahanan: lampu jalan padam",
            extra: f =>
            {
                for (var i = 0; i < files; i++)
                {
                    Citizen.AddFile(f, photos[i], $"foto-{i}.jpg", "image/jpeg");
                }
            }));
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"Filing answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");

        var confirmation = await HtmlPage.GetAsync(client, posted.Headers.Location!.OriginalString);
        return confirmation.Status == HttpStatusCode.OK
            ? confirmation.Document.QuerySelector("[data-testid=tracking-number]")?.TextContent.Trim()
            : null;
    }

    private sealed record StoredReport(string Number, int Identities, int RoutingEntries, int Confirmations, List<(string StoredName, long Size, string Sha256)> Files);

    private Dictionary<string, StoredReport> ReadStoredReports()
    {
        using var connection = TestDatabase.OpenConnection(_root);
        var reports = new Dictionary<long, StoredReport>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT r."Id", r."TrackingNumber",
                       (SELECT COUNT(*) FROM "ReporterIdentities" i WHERE i."ReportId" = r."Id"),
                       (SELECT COUNT(*) FROM "RoutingEntries" e WHERE e."ReportId" = r."Id"),
                       (SELECT COUNT(*) FROM "OutboxMessages" o WHERE o."Template" = 'FilingConfirmation' AND o."PayloadJson" LIKE '%' || r."TrackingNumber" || '%')
                FROM "Reports" r
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                reports[reader.GetInt64(0)] = new StoredReport(reader.GetString(1), Count(reader, 2), Count(reader, 3), Count(reader, 4), []);
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT "ReportId", "StoredName", "SizeBytes", "Sha256" FROM "Attachments" """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                reports[reader.GetInt64(0)].Files.Add((reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
            }
        }

        return reports.Values.ToDictionary(r => r.Number);
    }

    /// <summary>COUNT(*) is a 64-bit integer on PostgreSQL.</summary>
    private static int Count(System.Data.Common.DbDataReader reader, int column) => Convert.ToInt32(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What a stored report lacks: each was filed with a name and e-mail and one or two photos.</summary>
    private IEnumerable<string> Problems(StoredReport report)
    {
        if (report.Identities != 1)
        {
            yield return $"{report.Identities} identity records";
        }

        if (report.RoutingEntries < 1)
        {
            yield return "no routing entry";
        }

        if (report.Confirmations != 1)
        {
            yield return $"{report.Confirmations} confirmation messages in the outbox";
        }

        if (report.Files.Count is < 1 or > 2)
        {
            yield return $"{report.Files.Count} attachments";
        }

        foreach (var (storedName, size, sha256) in report.Files)
        {
            var path = Path.Combine(_root, "attachments", storedName);
            if (!File.Exists(path))
            {
                yield return $"{storedName} missing";
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.Length != size || !Convert.ToHexString(SHA256.HashData(bytes)).Equals(sha256, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{storedName} is not the file its row describes";
            }
        }
    }
}
