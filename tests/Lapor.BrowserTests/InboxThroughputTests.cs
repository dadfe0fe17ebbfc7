using System.Text.RegularExpressions;
using Lapor.BrowserTests.Infrastructure;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.StaffWork.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>An officer's morning at 1366×768: a filtered, sorted list worked through with a template and "simpan &amp; berikutnya".</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InboxThroughputTests(BrowserFixture browser)
{
    private const int Reports = 16;
    private const int Answered = 10;

    [Fact]
    public async Task TenReportsInARow_AnsweredWithATemplateAndSaveAndNext_ReturnToTheSameFilteredSortedList()
    {
        var world = await StaffWorld.CreateAsync(browser.App);

        // A word only these reports carry, so the list is theirs whatever other tests left at Dinas A.
        var word = $"uji{Guid.NewGuid():N}"[..11];
        var oldestFirst = await StoredReports.RoutedAsync(browser.App, world.AgencyA, Enumerable.Range(1, Reports).Select(i => $"Lampu jalan padam tiang {i} {word}"));
        var template = await TemplateAsync(world, word);

        var officer = await browser.NewPageAsync(new ViewportSize { Width = 1366, Height = 768 });
        await officer.GotoAsync($"{browser.BaseUrl}/Account/Login");
        await officer.GetByLabel("E-mail").FillAsync(StaffWorld.OfficerA);
        await officer.GetByLabel("Kata sandi").FillAsync(Citizen.Password);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).Last.ClickAsync();

        // Staff land on their work, not the citizens' home page.
        await officer.WaitForURLAsync(InboxUrl());

        await officer.Locator("summary", new() { HasText = "Saring dan urutkan" }).ClickAsync();
        await officer.GetByLabel("Cari").FillAsync(word);
        await officer.GetByLabel("Urutkan").SelectOptionAsync(new SelectOptionValue { Label = "Terbaru dulu" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Terapkan", Exact = true }).First.ClickAsync();
        await officer.WaitForURLAsync(new Regex($"Q={word}"));
        var list = officer.Url;

        // Newest first, and every one of the sixteen on the first screen, with its stage and next due date.
        var newestFirst = oldestFirst.AsEnumerable().Reverse().ToList();
        Assert.Equal(newestFirst, await officer.Locator("tr[data-row] a[data-open]").AllInnerTextsAsync());
        var bottoms = await officer.Locator("tr[data-row]").EvaluateAllAsync<double[]>("rows => rows.map(r => r.getBoundingClientRect().bottom)");
        Assert.All(bottoms, bottom => Assert.True(bottom <= 768, $"a row ends at {bottom}px, below the 768px screen"));
        Assert.Contains("Tanggapan pertama", await officer.Locator("tr[data-row]").First.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(officer);
        await Screenshots.SaveAsync(officer, "30-kotak-masuk-ringkas");

        await officer.Locator("tr[data-row] a[data-open]").First.ClickAsync();
        foreach (var number in newestFirst.Take(Answered))
        {
            await officer.WaitForURLAsync($"{browser.BaseUrl}/inbox/{number}");
            await officer.Locator("summary", new() { HasText = "Beri tanggapan" }).ClickAsync();
            await officer.GetByLabel("Sisipkan templat").First.SelectOptionAsync(new SelectOptionValue { Label = template });
            await officer.GetByRole(AriaRole.Button, new() { Name = "Sisipkan templat" }).First.ClickAsync();

            // The template comes filled in for this report: its number, the agency, the first-response due date.
            var text = await officer.Locator("#text-tanggapi").InputValueAsync();
            Assert.Contains($"Laporan {number} sudah diterima Dinas A", text, StringComparison.Ordinal);
            Assert.Matches(DueDateWords(), text);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            await officer.GetByRole(AriaRole.Button, new() { Name = "Simpan & berikutnya" }).First.ClickAsync();
        }

        // After the tenth, the eleventh is open; "back to the list" is the list as it was left: same tab, search and
        // sort, the six still to answer.
        await officer.WaitForURLAsync($"{browser.BaseUrl}/inbox/{newestFirst[Answered]}");
        await Assertions.Expect(officer.Locator(".alert-success")).ToContainTextAsync("Ini laporan berikutnya");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Kembali ke daftar" }).ClickAsync();
        await officer.WaitForURLAsync(list);
        Assert.Equal(list, officer.Url);
        Assert.Equal(newestFirst.Skip(Answered).ToList(), await officer.Locator("tr[data-row] a[data-open]").AllInnerTextsAsync());
        Assert.Equal(word, await officer.GetByLabel("Cari").InputValueAsync());
        Assert.Equal("Newest", await officer.GetByLabel("Urutkan").InputValueAsync());

        // The ten answered are in progress, each answered with its own number, and taken on by this officer.
        await officer.GetByRole(AriaRole.Link, new() { Name = "Sedang diproses" }).ClickAsync();
        var inProgress = await officer.Locator("tr[data-row]").AllInnerTextsAsync();
        Assert.Equal(Answered, inProgress.Count);
        Assert.All(inProgress, row => Assert.Contains("Anda", row, StringComparison.Ordinal));
        await Screenshots.SaveAsync(officer, "31-kotak-masuk-setelah-sepuluh");

        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        foreach (var number in newestFirst.Take(Answered))
        {
            var id = await db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync();
            var bodies = await db.Messages.Where(m => m.ReportId == id && m.Kind == MessageKind.Response).Select(m => m.Body).ToListAsync();
            Assert.Contains($"Laporan {number} sudah diterima", Assert.Single(bodies), StringComparison.Ordinal);
        }
    }

    /// <summary>A template of Dinas A with every placeholder, saved as the templates page saves it.</summary>
    private async Task<string> TemplateAsync(StaffWorld world, string word)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var title = $"Terima kasih {word}";
        await scope.ServiceProvider.GetRequiredService<ResponseTemplates>().CreateAsync([world.AgencyA], new TemplateForm
        {
            AgencyId = world.AgencyA,
            Title = title,
            Body = "{Sapaan}, terima kasih. Laporan {NomorLaporan} sudah diterima {Instansi} dan kami tanggapi paling lambat {Tenggat}.",
        }, CancellationToken.None);
        return title;
    }

    [GeneratedRegex(@"/inbox$")]
    private static partial Regex InboxUrl();

    [GeneratedRegex(@"paling lambat \d{1,2} [A-Z][a-z]+ 20\d\d\.")]
    private static partial Regex DueDateWords();
}
