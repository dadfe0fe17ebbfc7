using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Infrastructure.Web;

/// <summary>
/// Any form sent back with errors gets the error summary and the field attributes without asking for them (issue 18):
/// here a form written by hand (the tracking lookup: plain name and id, no asp-for) and one built with tag helpers.
/// The browser side (focus, links) is in Lapor.BrowserTests/FormErrorsTests.
/// </summary>
public sealed class FormErrorsTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task HandWrittenForm_WithAnError_GetsTheSummary_AndTheFieldPointsAtItsMessage()
    {
        var page = await HtmlPage.GetAsync(app.CreateBrowser(), "/lacak?nomor=bukan-nomor");

        var summary = page.Document.QuerySelector("form #error-summary")!;
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("error-summary-title", summary.GetAttribute("aria-labelledby"));
        var link = Assert.Single(summary.QuerySelectorAll("a"));
        Assert.Equal("#nomor", link.GetAttribute("href"));
        Assert.Contains("LPR-XXXX-XXXX", link.TextContent, StringComparison.Ordinal);

        var field = page.Document.GetElementById("nomor")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var described = field.GetAttribute("aria-describedby")!.Split(' ');
        Assert.All(described, id => Assert.NotNull(page.Document.GetElementById(id)));
        Assert.Contains(described, id => page.Document.GetElementById(id)!.TextContent.Contains("LPR-XXXX-XXXX", StringComparison.Ordinal));

        // Its own message starts, for a screen reader, with "Kesalahan:" like every other.
        Assert.StartsWith("Kesalahan: ", page.Document.GetElementById("nomor-error")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagHelperForm_WithErrors_ListsEachField_AndEachMessageSaysKesalahan()
    {
        var client = app.CreateBrowser();
        var form = await HtmlPage.GetAsync(client, "/Account/Login");

        var page = await HtmlPage.FromAsync(await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken("/Account/Login"),
            ["Email"] = "",
            ["Password"] = "",
        })));

        var summary = page.Document.QuerySelector("form[action='/Account/Login'] #error-summary")!;
        var targets = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Email", "#Password"], targets);
        foreach (var id in new[] { "Email", "Password" })
        {
            var field = page.Document.GetElementById(id)!;
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            var message = page.Document.GetElementById($"{id}-error")!;
            Assert.Contains($"{id}-error", field.GetAttribute("aria-describedby")!.Split(' '));
            Assert.Equal("Kesalahan:", message.QuerySelector(".visually-hidden")!.TextContent.Trim());
        }

        // One summary per page: the language switch and the other forms get none.
        Assert.Single(page.Document.QuerySelectorAll("#error-summary"));
    }
}
