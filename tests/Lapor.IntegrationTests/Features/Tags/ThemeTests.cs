using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Tags;

/// <summary>Themed periods: coordinators open them; citizens may choose one on the filing form while it runs; its tag goes on the report.</summary>
public sealed class ThemeTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private static readonly TimeZoneInfo Region = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Region).DateTime);

    [Fact]
    public async Task ARunningTheme_IsOffered_AndChoosingItTagsTheReport()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        // From yesterday to tomorrow: running whenever in the day the test runs.
        await OpenAsync(coordinator, "Mudik Lebaran", "Holiday exodus", Today.AddDays(-1), Today.AddDays(1), "mudik-2026");
        var themeId = await ThemeIdAsync("Mudik Lebaran");

        var form = await HtmlPage.GetAsync(app.CreateBrowser(), "/lapor");
        var choice = form.Document.QuerySelector("[data-testid=theme-choice]");
        Assert.NotNull(choice);
        Assert.Contains("Mudik Lebaran", choice.TextContent, StringComparison.Ordinal);

        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Bus mudik penuh sesak",
            fields: new Dictionary<string, string> { ["Form.ThemeId"] = themeId.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(["mudik-2026"], await TagsOfAsync(number));
        // The reporter's own pages say nothing of tags.
        Assert.DoesNotContain("mudik-2026", (await HtmlPage.GetAsync(app.CreateBrowser(), $"/lacak/{number}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThemeNotRunning_IsNotOffered_AndAStaleChoiceIsIgnoredWithoutLosingTheReport()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await OpenAsync(coordinator, "PPDB lalu", "Past admissions", Today.AddDays(-20), Today.AddDays(-2), "ppdb-lalu");
        await OpenAsync(coordinator, "Pilkada nanti", "Coming election", Today.AddDays(2), Today.AddDays(9), "pilkada-nanti");
        var ended = await ThemeIdAsync("PPDB lalu");
        var planned = await ThemeIdAsync("Pilkada nanti");

        var page = (await HtmlPage.GetAsync(app.CreateBrowser(), "/lapor")).Text;
        Assert.DoesNotContain("PPDB lalu", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pilkada nanti", page, StringComparison.Ordinal);

        foreach (var stale in new[] { ended, planned, 999_999 })
        {
            var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), $"Laporan dengan tema basi {stale}",
                fields: new Dictionary<string, string> { ["Form.ThemeId"] = stale.ToString(CultureInfo.InvariantCulture) });
            Assert.Empty(await TagsOfAsync(number));
        }

        // Not a number at all: the form comes back with the citizen's text, never a 500.
        var garbled = await Citizen.FileAsync(app.CreateBrowser(), "Judul yang tidak boleh hilang", fields: new Dictionary<string, string> { ["Form.ThemeId"] = "x" });
        Assert.NotEqual(HttpStatusCode.InternalServerError, garbled.StatusCode);
        if (garbled.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Contains("Judul yang tidak boleh hilang", await garbled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EndingATheme_StopsOfferingItFromTomorrow_AndOnlyCoordinatorsManageThemes()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await OpenAsync(coordinator, "Banjir awal tahun", "Early-year floods", Today.AddDays(-3), Today.AddDays(30), "banjir-awal");
        var id = await ThemeIdAsync("Banjir awal tahun");

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync($"/tema/{id}/akhiri")).StatusCode);
        Assert.Equal(Today, await app.WithDbAsync(db => db.Themes.Where(t => t.Id == id).Select(t => t.EndsOn).SingleAsync()));

        foreach (var email in new[] { StaffWorld.OfficerA, StaffWorld.HeadA, StaffWorld.Overseer, StaffWorld.CitizenX, StaffWorld.Admin })
        {
            var someone = await Staff.SignInAsync(app, email);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.Client.GetAsync("/tema")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.SubmitAsync("/tema", ("NameId", "Disusupkan"), ("NameEn", "Sneaked"),
                ("StartsOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("EndsOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Tag", "disusupkan"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.SubmitAsync($"/tema/{id}/akhiri")).StatusCode);
        }

        Assert.False(await app.WithDbAsync(db => db.Themes.AnyAsync(t => t.NameId == "Disusupkan")));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.SubmitAsync("/tema/999999/akhiri")).StatusCode);
    }

    [Fact]
    public async Task ARefusedTheme_ComesBackAsTyped_WithTheReason()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var response = await coordinator.SubmitAsync("/tema", ("NameId", "Tema terbalik"), ("NameEn", "Backwards theme"), ("Description", "Keterangan panjang yang diketik"),
            ("StartsOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("EndsOn", Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Tag", "terbalik"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tanggal selesai tidak boleh sebelum tanggal mulai.", text, StringComparison.Ordinal);
        Assert.Contains("Keterangan panjang yang diketik", text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Themes.AnyAsync(t => t.NameId == "Tema terbalik")));

        var badTag = await coordinator.SubmitAsync("/tema", ("NameId", "Tema"), ("NameEn", "Theme"),
            ("StartsOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("EndsOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Tag", "tag dengan spasi"));
        Assert.Contains("hanya berisi huruf, angka dan tanda hubung", await badTag.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedTheme_LeavesNoNewTagBehind()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var response = await coordinator.SubmitAsync("/tema", ("NameId", "Tema tanpa nama Inggris"), ("NameEn", " "),
            ("StartsOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("EndsOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Tag", "tak-tersimpan"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Tags.AnyAsync(t => t.Label == "tak-tersimpan")));
    }

    private static async Task OpenAsync(Staff coordinator, string nameId, string nameEn, DateOnly starts, DateOnly ends, string tag)
    {
        var response = await coordinator.SubmitAsync("/tema", ("NameId", nameId), ("NameEn", nameEn), ("Description", "Keterangan " + nameId),
            ("StartsOn", starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("EndsOn", ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Tag", tag));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<int> ThemeIdAsync(string nameId) => app.WithDbAsync(db => db.Themes.Where(t => t.NameId == nameId).Select(t => t.Id).SingleAsync());

    private Task<List<string>> TagsOfAsync(string number) =>
        app.WithDbAsync(db => db.ReportTags.Where(rt => db.Reports.Any(r => r.Id == rt.ReportId && r.TrackingNumber == number))
            .Join(db.Tags, rt => rt.TagId, t => t.Id, (rt, t) => t.Label).OrderBy(l => l).ToListAsync());
}
