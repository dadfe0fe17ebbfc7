using System.Globalization;
using System.Net;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.MyReports;

/// <summary>"Laporan Saya": cards, and the reports waiting on the reporter marked and listed first, decided by the query.</summary>
public sealed class MyReportsTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Mine_QuestionHoldAndVerdictWaiting_AreMarkedAndFirst_OthersNot()
    {
        var world = await StaffWorld.CreateAsync(app);
        await Citizen.CreateAccountAsync(app, "warga.kartu@contoh.id");
        var citizen = app.CreateBrowser();
        await Citizen.SignInAsync(citizen, "warga.kartu@contoh.id");
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var agency = ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture));

        var (asked, _) = await Citizen.FileAndConfirmAsync(citizen, "Lampu jalan mati");
        await coordinator.ActAsync(asked, "verifikasi", agency);
        await officer.ActAsync(asked, "minta-keterangan", ("Text", "Tiang nomor berapa?"));
        var (answered, _) = await Citizen.FileAndConfirmAsync(citizen, "Saluran tersumbat");
        await coordinator.ActAsync(answered, "verifikasi", agency);
        await officer.ActAsync(answered, "tindak-lanjut-akhir", ("Text", "Saluran sudah dibersihkan."), ("Public", "true"));
        var (held, _) = await Citizen.FileAndConfirmAsync(citizen, "Pungutan liar");
        await coordinator.ActAsync(held, "tunda", ("Text", "Di kantor mana?"));
        var (waiting, _) = await Citizen.FileAndConfirmAsync(citizen, "Trotoar rusak");
        var (working, _) = await Citizen.FileAndConfirmAsync(citizen, "Pohon tumbang");
        await coordinator.ActAsync(working, "verifikasi", agency);

        var page = await HtmlPage.GetAsync(citizen, "/laporan-saya");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("table"));
        var cards = page.Document.QuerySelectorAll("[data-testid=my-report]").ToList();
        Assert.Equal(5, cards.Count);
        var marked = cards.Where(c => c.QuerySelector("[data-testid=awaits-you]") is not null).Select(Number).ToList();
        Assert.Equal(new[] { asked, answered, held }.Order(), marked.Order());
        Assert.Equal(marked, cards.Take(3).Select(Number));
        Assert.Equal([working, waiting], cards.Skip(3).Select(Number));
        Assert.Contains("3 laporan menunggu jawaban Anda.", page.Text, StringComparison.Ordinal);

        // Each card: its number, title as the link to the report, status, agency and the date that matters.
        var card = cards.Single(c => Number(c) == working);
        Assert.Equal($"/lacak/{working}", card.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Pohon tumbang", card.QuerySelector("h2 a")!.TextContent.Trim());
        Assert.NotNull(card.QuerySelector(".status-badge"));
        Assert.Contains(StaffWorld.AgencyAName, card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Target penyelesaian:", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Diverifikasi paling lambat:", cards.Single(c => Number(c) == waiting).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mine_ShowsOnlyTheSignedInCitizensReports()
    {
        await Citizen.CreateAccountAsync(app, "warga.satu@contoh.id");
        await Citizen.CreateAccountAsync(app, "warga.dua@contoh.id");
        var one = app.CreateBrowser();
        await Citizen.SignInAsync(one, "warga.satu@contoh.id");
        var (number, _) = await Citizen.FileAndConfirmAsync(one, "Milik warga satu");
        var two = app.CreateBrowser();
        await Citizen.SignInAsync(two, "warga.dua@contoh.id");

        Assert.Contains(number, (await HtmlPage.GetAsync(one, "/laporan-saya")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(number, (await HtmlPage.GetAsync(two, "/laporan-saya")).Text, StringComparison.Ordinal);
    }

    private static string Number(AngleSharp.Dom.IElement card) => card.QuerySelector(".tracking-number-inline")!.TextContent.Trim();
}
