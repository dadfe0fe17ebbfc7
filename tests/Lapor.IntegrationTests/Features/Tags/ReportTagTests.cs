using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Tags;

/// <summary>Coordinators attach and remove tags; the staff history says so; nobody else can, and the reporter and the public never see them.</summary>
public sealed class ReportTagTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Coordinator_AttachesAndRemovesATag_LeavingStaffOnlyHistoryLines()
    {
        var world = await StaffWorld.CreateAsync(app);
        var number = (await StoredReports.RoutedAsync(app, world.AgencyA, ["Jalan provinsi retak"])).Single();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        // Typed in capitals with spaces around: one tag, stored in lower case; typing it again changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(coordinator, number, "  Jalan-Provinsi ")).StatusCode);
        await AttachAsync(coordinator, number, "jalan-provinsi");
        Assert.Equal(["jalan-provinsi"], await TagsOfAsync(number));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tags.CountAsync(t => t.Label == "jalan-provinsi")));

        var page = await coordinator.OpenAsync($"/inbox/{number}");
        Assert.Contains("jalan-provinsi", page.Document.QuerySelector("[data-testid=tags]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tag ditambahkan: jalan-provinsi", page.Text, StringComparison.Ordinal);

        // The coordinator's queue shows it on the row.
        var queue = await coordinator.OpenAsync($"/inbox?Tab=Routed&Q={number}");
        Assert.Contains(queue.Document.QuerySelectorAll("[data-testid=row-tag]"), b => b.TextContent == "jalan-provinsi");

        // The officer sees the tag on the inbox row and the report page, without the forms.
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var inbox = await officer.OpenAsync($"/inbox?Q={number}");
        Assert.Contains(inbox.Document.QuerySelectorAll("[data-testid=row-tag]"), b => b.TextContent == "jalan-provinsi");
        var officerPage = await officer.OpenAsync($"/inbox/{number}");
        Assert.Contains("jalan-provinsi", officerPage.Document.QuerySelector("[data-testid=tags]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(officerPage.Document.QuerySelector($"form[action='/inbox/{number}/tag']"));

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync($"/inbox/{number}/tag/hapus", ("Label", "jalan-provinsi"))).StatusCode);
        Assert.Empty(await TagsOfAsync(number));
        Assert.Contains("Tag dihapus: jalan-provinsi", (await coordinator.OpenAsync($"/inbox/{number}")).Text, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.RoutingEntries.CountAsync(e => db.Reports.Any(r => r.Id == e.ReportId && r.TrackingNumber == number)
            && (e.Action == RoutingAction.AttachTag || e.Action == RoutingAction.RemoveTag))));

        // The reporter's tracking page and the public page tell nothing of it; no message went out for it.
        foreach (var url in new[] { $"/lacak/{number}", $"/laporan/{number}" })
        {
            var text = (await HtmlPage.GetAsync(app.CreateBrowser(), url)).Text;
            Assert.DoesNotContain("jalan-provinsi", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Tag ", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("", "Tulis label tag.")]
    [InlineData("banjir 2026", "hanya berisi huruf, angka dan tanda hubung")]
    [InlineData("--", "hanya berisi huruf, angka dan tanda hubung")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "paling banyak 40 karakter")]
    public async Task ABadLabel_IsRefusedInTheReadersLanguage_AndNothingIsStored(string label, string message)
    {
        var world = await StaffWorld.CreateAsync(app);
        var number = (await StoredReports.RoutedAsync(app, world.AgencyA, ["Label salah"])).Single();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        await AttachAsync(coordinator, number, label);

        Assert.Empty(await TagsOfAsync(number));
        Assert.Contains(message, (await coordinator.OpenAsync($"/inbox/{number}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficersHeadsOverseersAndCitizens_CannotAttachOrRemove_AndOutOfScopeIsNotFound()
    {
        var world = await StaffWorld.CreateAsync(app);
        var number = (await StoredReports.RoutedAsync(app, world.AgencyA, ["Coba tag tanpa hak"])).Single();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await AttachAsync(coordinator, number, "dijaga");

        foreach (var email in new[] { StaffWorld.OfficerA, StaffWorld.HeadA, StaffWorld.Overseer, StaffWorld.CitizenX, StaffWorld.Admin })
        {
            var someone = await Staff.SignInAsync(app, email);
            var attach = await someone.SubmitAsync($"/inbox/{number}/tag", ("Label", "disusupkan"));
            var remove = await someone.SubmitAsync($"/inbox/{number}/tag/hapus", ("Label", "dijaga"));
            Assert.Equal(HttpStatusCode.Forbidden, attach.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        }

        // Not signed in: to the sign-in page; without the antiforgery token: refused.
        var guest = app.CreateBrowser();
        var anonymous = await guest.PostAsync($"/inbox/{number}/tag", new FormUrlEncodedContent([KeyValuePair.Create("Label", "disusupkan")]));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, anonymous.StatusCode);
        var forged = await coordinator.Client.PostAsync($"/inbox/{number}/tag", new FormUrlEncodedContent([KeyValuePair.Create("Label", "disusupkan")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // A report that does not exist answers 404, whatever the form says.
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.SubmitAsync("/inbox/LPR-2222-2222/tag", ("Label", "disusupkan"))).StatusCode);

        Assert.Equal(["dijaga"], await TagsOfAsync(number));
        Assert.False(await app.WithDbAsync(db => db.Tags.AnyAsync(t => t.Label == "disusupkan")));
    }

    private static Task<HttpResponseMessage> AttachAsync(Staff coordinator, string number, string label) =>
        coordinator.SubmitAsync($"/inbox/{number}/tag", ("Label", label));

    private Task<List<string>> TagsOfAsync(string number) =>
        app.WithDbAsync(db => db.ReportTags.Where(rt => db.Reports.Any(r => r.Id == rt.ReportId && r.TrackingNumber == number))
            .Join(db.Tags, rt => rt.TagId, t => t.Id, (rt, t) => t.Label).OrderBy(l => l).ToListAsync());
}
