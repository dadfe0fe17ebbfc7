using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>A category the coordinator corrects at verification is told in the history, to staff and to the reporter, and the verification notice stays one.</summary>
public sealed class VerifyCategoryTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Verify_WithAnotherCategory_HistoryTellsTheChange_ToStaffAndReporter_AndTheNoticeStaysOne()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (roads, drains) = await CategoriesAsync(world);
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Air meluap di Jl. Merdeka",
            fields: new Dictionary<string, string> { ["Form.CategoryId"] = Id(roads) });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var verified = await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("CategoryId", Id(drains)));

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        const string Change = "Kategori diubah dari Jalan Uji Kategori menjadi Saluran Uji Kategori";
        Assert.Contains(Change, (await coordinator.OpenAsync($"/inbox/{number}")).Text, StringComparison.Ordinal);
        var reporter = await Citizen.UnlockAsync(app, number, code!);
        var tracking = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        Assert.Contains(Change, tracking.Text, StringComparison.Ordinal);
        Assert.Contains($"Diverifikasi dan diteruskan ke {StaffWorld.AgencyAName}", tracking.Text, StringComparison.Ordinal);

        // The reporter hears once that it was verified and where it went; the category change is no notice of its own.
        var notices = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == "andi@contoh.id" && m.PayloadJson.Contains(number)).Select(m => new { m.Template, m.PayloadJson }).ToListAsync());
        var notice = Assert.Single(notices, n => n.Template == "Verified");
        Assert.Contains(StaffWorld.AgencyAName, notice.PayloadJson, StringComparison.Ordinal);
        Assert.Equal(2, notices.Count); // the filing's confirmation and the verification
    }

    [Fact]
    public async Task Verify_KeepingTheReportersCategory_WritesNoCategoryLine()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (roads, _) = await CategoriesAsync(world);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Jalan amblas di Jl. Kenanga", fields: new Dictionary<string, string> { ["Form.CategoryId"] = Id(roads) });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("CategoryId", Id(roads)));

        Assert.DoesNotContain("Kategori diubah", (await coordinator.OpenAsync($"/inbox/{number}")).Text, StringComparison.Ordinal);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Two leaf categories under one parent, created once per factory.</summary>
    private async Task<(int Roads, int Drains)> CategoriesAsync(StaffWorld world)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Categories.FirstOrDefaultAsync(c => c.Name == "Jalan Uji Kategori") is not { } roads)
        {
            var parent = new Category("Prasarana Uji Kategori", "Test infrastructure");
            db.Categories.Add(parent);
            await db.SaveChangesAsync();
            roads = new Category("Jalan Uji Kategori", "Test roads", parent.Id);
            db.Categories.AddRange(roads, new Category("Saluran Uji Kategori", "Test drains", parent.Id));
            await db.SaveChangesAsync();
            roads.SetDefaultAgency(world.Region, world.AgencyA);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        }

        return (roads.Id, await db.Categories.Where(c => c.Name == "Saluran Uji Kategori").Select(c => c.Id).SingleAsync());
    }
}
