using System.Globalization;
using System.Text.RegularExpressions;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;

namespace Lapor.IntegrationTests.Features.Shared;

/// <summary>
/// A report's history on the reporter's tracking page and on the staff page reads as sentences:
/// escalations said once with their deadline and date, the archive with its category, never a code.
/// </summary>
public sealed class HistoryPagesTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string ReturnReason = "KANARI-KEMBALI jalan provinsi, bukan kewenangan kami";
    private static readonly DateOnly VerifyDue = new(2026, 9, 23);
    private static readonly DateOnly CompletionDue = new(2026, 10, 27);
    private static readonly string[] Codes = ["Verify.", "Completion.", ".Breach:", ".Reminder:", "NotPublicService", "Escalate", "Routing.", "History.", "2026-09-23", "2026-10-27"];

    [Fact]
    public async Task Track_ReporterSeesEscalationsAndArchiveInWords_OnceEach_WithoutCodesOrStaffReasons()
    {
        var (number, code) = await EscalatedThenArchivedAsync();

        var page = await UnlockAsync(number, code, "");

        Assert.Equal("Diarsipkan", page.Document.QuerySelector(".status-badge")!.TextContent.Trim());
        var lines = Timeline(page);
        Assert.Single(lines, "Pengingat: tenggat verifikasi jatuh pada 23 September 2026");
        Assert.Single(lines, "Tenggat verifikasi terlewati (tenggat 23 September 2026)");
        Assert.Single(lines, "Diverifikasi dan diteruskan ke Dinas A, Dinas B");
        Assert.Single(lines, "Tenggat penyelesaian untuk Dinas A, Dinas B terlewati (tenggat 27 Oktober 2026)");
        Assert.Contains("Dikembalikan oleh Dinas A karena bukan kewenangannya", lines);
        Assert.Equal("Diarsipkan: Bukan pelayanan publik", lines[^1]);
        Assert.Contains("Menunggu verifikasi", page.Document.QuerySelector("#timeline")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("KANARI", page.Html, StringComparison.Ordinal);
        AssertNoCodes(page);
    }

    [Fact]
    public async Task Track_InEnglish_WritesTheSentencesAndDatesInEnglish()
    {
        var (number, code) = await EscalatedThenArchivedAsync();

        var page = await UnlockAsync(number, code, "?culture=en");

        var lines = Timeline(page);
        Assert.Single(lines, "The verification deadline was missed (due 23 September 2026)");
        Assert.Single(lines, "The completion deadline for Dinas A, Dinas B was missed (due 27 October 2026)");
        Assert.Equal("Archived: Not a public service", lines[^1]);
        AssertNoCodes(page);
    }

    [Fact]
    public async Task StaffDetail_ShowsTheSameEventsWithReasonsAndOfficialStatus_WithoutCodes()
    {
        var (number, _) = await EscalatedThenArchivedAsync();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var page = await coordinator.OpenAsync($"/inbox/{number}");

        var lines = Timeline(page);
        Assert.Single(lines, "Tenggat verifikasi terlewati (tenggat 23 September 2026)");
        Assert.Single(lines, "Tenggat penyelesaian untuk Dinas A, Dinas B terlewati (tenggat 27 Oktober 2026)");
        Assert.Contains($"Dikembalikan oleh Dinas A karena bukan kewenangannya: {ReturnReason}", lines);
        Assert.Equal("Diarsipkan: Bukan pelayanan publik", lines[^1]);
        var meta = page.Document.QuerySelectorAll("#timeline ~ ol .timeline-item p.small").Select(p => p.TextContent).ToList();
        Assert.Contains(meta, m => m.Contains("Sistem", StringComparison.Ordinal) && m.Contains("Belum Terverifikasi", StringComparison.Ordinal));
        Assert.EndsWith("Arsip", meta[^1].Trim(), StringComparison.Ordinal);
        AssertNoCodes(page);
    }

    /// <summary>
    /// Verification reminder and breach (the breach recorded twice), routing to A and B, one completion
    /// breach recorded for both agencies, both agencies return it, then it is archived as not a public service.
    /// Escalations are written as the deadline job writes them; the rest goes through the staff pages.
    /// </summary>
    private async Task<(string Number, string Code)> EscalatedThenArchivedAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var now = DateTimeOffset.UtcNow;
        await StoredReports.ActAsync(app, number, (r, schedule) =>
        {
            r.RecordEscalation(Deadline.Verify, EscalationRung.Reminder, null, VerifyDue, schedule, now);
            r.RecordEscalation(Deadline.Verify, EscalationRung.Breach, null, VerifyDue, schedule, now.AddMinutes(1));
            r.RecordEscalation(Deadline.Verify, EscalationRung.Breach, null, VerifyDue, schedule, now.AddMinutes(1));
        });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi",
            ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)), ("AgencyIds", world.AgencyB.ToString(CultureInfo.InvariantCulture)));
        await StoredReports.ActAsync(app, number, (r, schedule) =>
        {
            foreach (var assignment in r.Assignments)
            {
                r.RecordEscalation(Deadline.Completion, EscalationRung.Breach, assignment, CompletionDue, schedule, now.AddMinutes(2));
            }
        });
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(number, "kembalikan", ("Text", ReturnReason));
        await (await Staff.SignInAsync(app, StaffWorld.OfficerB)).ActAsync(number, "kembalikan", ("Text", ReturnReason));
        await coordinator.ActAsync(number, "arsipkan", ("Reason", nameof(ArchiveReason.NotPublicService)), ("Text", "Laporan Anda bukan tentang pelayanan publik."));
        return (number, code!);
    }

    private async Task<HtmlPage> UnlockAsync(string number, string code, string query)
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, $"/lacak/{number}");
        await client.PostAsync($"/lacak/{number}/akses", new FormUrlEncodedContent(
            [KeyValuePair.Create("AccessCode", code), KeyValuePair.Create("__RequestVerificationToken", page.AntiforgeryToken($"/lacak/{number}/akses"))]));
        return await HtmlPage.GetAsync(client, $"/lacak/{number}{query}");
    }

    private static List<string> Timeline(HtmlPage page) =>
        page.Document.QuerySelectorAll("#timeline ~ ol .timeline-item p.fw-semibold").Select(p => Regex.Replace(p.TextContent, @"\s+", " ").Trim()).ToList();

    private static void AssertNoCodes(HtmlPage page)
    {
        Assert.NotEmpty(Timeline(page));
        var found = Codes.Where(code => page.Html.Contains(code, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, "Codes in the page: " + string.Join(", ", found));
    }
}
