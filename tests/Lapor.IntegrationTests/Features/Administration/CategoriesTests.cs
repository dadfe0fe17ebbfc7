using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Administration;

public sealed class CategoriesTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Admin_BuildsTwoLevelTreeWithDefaultAgency_OfferedOnTheFilingForm()
    {
        var world = await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        await admin.SubmitAsync("/admin/kategori", ("Name", "Pariwisata Uji"), ("NameEnglish", "Tourism"), ("IsActive", "true"));
        var top = await app.WithDbAsync(db => db.Categories.Where(c => c.Name == "Pariwisata Uji").Select(c => c.Id).SingleAsync());
        await admin.SubmitAsync("/admin/kategori", ("Name", "Objek Wisata Uji"), ("ParentId", Id(top)), ("RegionId", Id(world.Region)), ("DefaultAgencyId", Id(world.AgencyB)), ("IsActive", "true"));
        var childId = await app.WithDbAsync(db => db.Categories.Where(c => c.Name == "Objek Wisata Uji").Select(c => c.Id).SingleAsync());
        var nested = await HtmlPage.FromAsync(await admin.SubmitAsync("/admin/kategori", ("Name", "Tingkat Ketiga"), ("ParentId", Id(childId))));

        var child = await app.WithDbAsync(db => db.Categories.Include(c => c.DefaultAgencies).SingleAsync(c => c.Name == "Objek Wisata Uji"));
        Assert.Equal(top, child.ParentId);
        Assert.Equal(world.AgencyB, child.DefaultAgencies.Single(d => d.RegionAgencyId == world.Region).AgencyId);
        Assert.Equal(HttpStatusCode.BadRequest, nested.Status);
        Assert.Contains("dua tingkat", nested.Text, StringComparison.Ordinal);
        var form = await HtmlPage.GetAsync(app.CreateBrowser(), "/lapor");
        Assert.Contains("Objek Wisata Uji", form.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CategoryAdministration_IsForAdministratorsOnly()
    {
        await StaffWorld.CreateAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).OpenAsync("/admin/kategori")).Status);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
