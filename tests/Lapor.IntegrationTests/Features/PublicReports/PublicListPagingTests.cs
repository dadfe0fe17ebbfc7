using System.Globalization;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.PublicReports;

/// <summary>The count and the previous/next links of /laporan, newest first and ranked; a database of its own so the numbers are exact.</summary>
public sealed class PublicListPagingTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const int Published = 23;

    [Fact]
    public async Task List_CountsAndPages_NewestFirstAndBySearch()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var numbers = new List<string>();
        for (var i = 0; i < Published; i++)
        {
            var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), $"Saluran air tersumbat nomor {i}");
            await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
            numbers.Add(number);
        }

        await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Saluran air tersumbat, belum diverifikasi");
        numbers.Reverse();

        // Newest first, by position.
        var first = await HtmlPage.GetAsync(app.CreateBrowser(), "/laporan");
        Assert.Contains($"{Published} laporan ditemukan", first.Text, StringComparison.Ordinal);
        Assert.Equal(numbers[..20], Numbers(first));
        Assert.Null(Link(first, "prev"));
        var second = await HtmlPage.GetAsync(app.CreateBrowser(), Link(first, "next")!);
        Assert.Equal(numbers[20..], Numbers(second));
        Assert.Null(Link(second, "next"));
        var back = await HtmlPage.GetAsync(app.CreateBrowser(), Link(second, "prev")!);
        Assert.Equal(numbers[..20], Numbers(back));
        Assert.Null(Link(back, "prev"));
        Assert.NotNull(Link(back, "next"));

        // Ranked, by page number: every match once, in the same count.
        var found = await HtmlPage.GetAsync(app.CreateBrowser(), "/laporan?Q=saluran+tersumbat");
        Assert.Contains($"{Published} laporan ditemukan", found.Text, StringComparison.Ordinal);
        Assert.Null(Link(found, "prev"));
        var foundNext = await HtmlPage.GetAsync(app.CreateBrowser(), Link(found, "next")!);
        Assert.Null(Link(foundNext, "next"));
        Assert.Equal(numbers.Order(), Numbers(found).Concat(Numbers(foundNext)).Order());
        var foundBack = await HtmlPage.GetAsync(app.CreateBrowser(), Link(foundNext, "prev")!);
        Assert.Equal(Numbers(found), Numbers(foundBack));

        // A page number nobody was offered is the first page.
        Assert.Equal(Numbers(found), Numbers(await HtmlPage.GetAsync(app.CreateBrowser(), "/laporan?Q=saluran+tersumbat&Page=99999999999")));
    }

    private static string? Link(HtmlPage page, string rel) => page.Document.QuerySelector($"main a[rel={rel}]")?.GetAttribute("href");

    private static List<string> Numbers(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("main li.card h2 a").Select(a => a.GetAttribute("href")!.Split('/')[^1])];
}
