using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>
/// GET servicerequestupdates (FixMyStreet's extension): every public event of public reports — status changes, responses with
/// their public text, questions as the timeline tells them — never notes, forwarding reasons, questions' text or identities, by date, in JSON and XML.
/// </summary>
public sealed class Open311UpdatesTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Note = "Catatan internal kanari pembaruan";
    private const string Canary = "Kanari Pelapor Pembaruan";
    private const string Survey = "Petugas sudah survei lokasi kanari.";
    private const string Question = "Kanari pertanyaan: di mana persisnya?";
    private const string ForwardReason = "Kanari alasan internal terusan";
    private const string ConfidentialAnswer = "Kanari jawaban laporan rahasia";

    [Fact]
    public async Task Updates_ListStatusChangesOfPublicReports_NotNotesOrConfidential_SameInJsonAndXml()
    {
        var seeded = await SeedAsync();
        var query = $"start_date={W3c(seeded.At)}&end_date={W3c(seeded.At.AddDays(1))}";

        var json = await GetAsync($"/open311/v2/servicerequestupdates.json?{query}");
        var xml = await GetAsync($"/open311/v2/servicerequestupdates.xml?{query}&api_key=ignored&jurisdiction_id=uji");

        var updates = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var mine = updates.Where(u => u.GetProperty("service_request_id").GetString() == seeded.Public).ToList();
        Assert.Equal(["action_scheduled", "in_progress", "in_progress", "in_progress", "in_progress"], mine.Select(u => u.GetProperty("status").GetString()));
        Assert.Equal("Dispositioned", mine[0].GetProperty("external_status_code").GetString());
        Assert.All(mine, u => Assert.EndsWith("+07:00", u.GetProperty("updated_datetime").GetString(), StringComparison.Ordinal));
        Assert.Equal($"{seeded.Public}-{seeded.At.AddHours(1).ToUnixTimeMilliseconds()}", mine[0].GetProperty("update_id").GetString());
        Assert.Equal(mine.Count, mine.Select(u => u.GetProperty("update_id").GetString()).Distinct().Count());
        Assert.All(mine, u => Assert.False(string.IsNullOrWhiteSpace(u.GetProperty("description").GetString())));

        // The first response changed the status, the second did not: both are updates, each once, with the agency's public text.
        Assert.Equal("Sedang kami kerjakan.", mine[1].GetProperty("description").GetString());
        Assert.Equal(Survey, mine[2].GetProperty("description").GetString());
        Assert.Single(updates, u => u.GetProperty("description").GetString() == Survey);

        // The question is told as the timeline tells it, never its text (the reporter's); the forward without its reason.
        Assert.Contains(StaffWorld.AgencyAName, mine[3].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(StaffWorld.AgencyBName, mine[4].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Question, json, StringComparison.Ordinal);
        Assert.DoesNotContain(ForwardReason, json, StringComparison.Ordinal);

        // A confidential report tells nothing, its public answer included; nor does a note or the reporter.
        Assert.DoesNotContain(updates, u => u.GetProperty("service_request_id").GetString() == seeded.Confidential);
        Assert.DoesNotContain(ConfidentialAnswer, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Note, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, json, StringComparison.Ordinal);

        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("service_request_updates", root.Name.LocalName);
        var items = root.Elements("request_update").Where(u => u.Element("service_request_id")!.Value == seeded.Public).ToList();
        Assert.Equal(mine.Select(u => u.GetProperty("update_id").GetString()), items.Select(u => u.Element("update_id")!.Value));
        Assert.Equal(mine.Select(u => u.GetProperty("status").GetString()), items.Select(u => u.Element("status")!.Value));
        Assert.Equal(Survey, items[2].Element("description")!.Value);
        Assert.DoesNotContain(Note, xml, StringComparison.Ordinal);
        Assert.DoesNotContain(ForwardReason, xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_FilterByDate()
    {
        var seeded = await SeedAsync();

        var afterVerification = await StatusesAsync($"start_date={W3c(seeded.At.AddHours(2))}&end_date={W3c(seeded.At.AddDays(1))}", seeded.Public);
        var untilVerification = await StatusesAsync($"start_date={W3c(seeded.At)}&end_date={W3c(seeded.At.AddHours(2))}", seeded.Public);
        var dayBefore = await StatusesAsync($"start_date={W3c(seeded.At.AddDays(-2))}&end_date={W3c(seeded.At.AddDays(-1))}", seeded.Public);

        Assert.Equal(["in_progress", "in_progress", "in_progress", "in_progress"], afterVerification);
        Assert.Equal(["action_scheduled"], untilVerification);
        Assert.Empty(dayBefore);
    }

    [Theory]
    [InlineData("/open311/v2/servicerequestupdates.json?start_date=kemarin")]
    [InlineData("/open311/v2/servicerequestupdates.xml?start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z")]
    public async Task Updates_BadDates_Are400WithTheErrorList(string url)
    {
        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("400", url.Contains(".xml", StringComparison.Ordinal)
            ? XDocument.Parse(body).Root!.Element("error")!.Element("code")!.Value
            : JsonDocument.Parse(body).RootElement[0].GetProperty("code").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string W3c(DateTimeOffset instant) =>
        Uri.EscapeDataString(instant.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));

    private async Task<List<string?>> StatusesAsync(string query, string trackingNumber) =>
        [.. JsonDocument.Parse(await GetAsync($"/open311/v2/servicerequestupdates.json?{query}")).RootElement.EnumerateArray()
            .Where(u => u.GetProperty("service_request_id").GetString() == trackingNumber).Select(u => u.GetProperty("status").GetString())];

    private async Task<string> GetAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private sealed record Seeded(DateTimeOffset At, string Public, string Confidential);

    /// <summary>
    /// 300 days ago (alone in that window): a public report verified after an hour, given an internal note after
    /// two, a first response after three, a second one (no status change) after four, a question to the reporter
    /// after five and forwarded to another agency with a reason after six; a confidential one verified after an
    /// hour and answered in public after three.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var at = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-300).AddHours(2), TimeSpan.Zero);
        if (await db.Reports.Where(r => r.SubmittedAt == at).OrderBy(r => r.Id).Select(r => r.TrackingNumber).ToListAsync() is [var existing, var secret])
        {
            return new Seeded(at, existing, secret);
        }

        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var coordinator = new Actor(null, ActorRole.Coordinator);
        var officer = new Actor(null, ActorRole.Officer) { Agencies = [world.AgencyA] };
        Report File(string title, bool confidential) =>
            Report.Submit(new ReportDraft(Classification.Complaint, title, $"Isi {title}.", null, null, null, null, null, null, false, confidential),
                Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, at);

        var open = File("Pembaruan publik", confidential: false);
        var confidential = File("Pembaruan rahasia", confidential: true);
        open.Verify(coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, schedule, at.AddHours(1));
        confidential.Verify(coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, schedule, at.AddHours(1));
        open.AddNote(officer, Note, at.AddHours(2));
        open.Respond(officer, "Sedang kami kerjakan.", MessageVisibility.Public, schedule, at.AddHours(3));
        open.Respond(officer, Survey, MessageVisibility.Public, schedule, at.AddHours(4));
        open.RequestInformation(officer, Question, at.AddHours(5));
        open.Forward(officer, new AgencyRef(world.AgencyB, null), ForwardReason, schedule, at.AddHours(6));
        confidential.Respond(officer, ConfidentialAnswer, MessageVisibility.Public, schedule, at.AddHours(3));
        db.Reports.AddRange(open, confidential);
        await db.SaveChangesAsync();
        db.ReporterIdentities.Add(new ReporterIdentity(open, Canary, "kanari.pembaruan@contoh.id", null));
        await db.SaveChangesAsync();
        return new Seeded(at, open.TrackingNumber, confidential.TrackingNumber);
    }
}
