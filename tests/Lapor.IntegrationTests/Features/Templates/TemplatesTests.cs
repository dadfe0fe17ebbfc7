using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Templates;

public sealed class TemplatesTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Officer_CreatesTemplate_ItIsOfferedOnTheAgencysReports()
    {
        var world = await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        var saved = await officer.SubmitAsync("/inbox/templat", ("AgencyId", Id(world.AgencyA)), ("Title", "Jalan rusak: survei"), ("Body", "Tim kami akan melakukan survei lokasi dalam 3 hari kerja."));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        var detail = await officer.OpenAsync($"/inbox/{number}");
        var option = detail.Document.QuerySelector("#template-tanggapi option");
        Assert.NotNull(option);
        Assert.Equal("Tim kami akan melakukan survei lokasi dalam 3 hari kerja.", option.GetAttribute("value"));
    }

    [Fact]
    public async Task OtherAgencysOfficer_CannotSeeEditOrDeleteTemplate()
    {
        var world = await StaffWorld.CreateAsync(app);
        var officerA = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await officerA.SubmitAsync("/inbox/templat", ("AgencyId", Id(world.AgencyA)), ("Title", "Rahasia A"), ("Body", "Isi templat milik Dinas A."));
        var id = await app.WithDbAsync(db => db.ResponseTemplates.Where(t => t.Title == "Rahasia A").Select(t => t.Id).FirstAsync());
        var officerB = await Staff.SignInAsync(app, StaffWorld.OfficerB);

        var list = await officerB.OpenAsync("/inbox/templat");
        var edit = await officerB.OpenAsync($"/inbox/templat?edit={id}");
        var update = await officerB.SubmitAsync($"/inbox/templat/{id}", ("AgencyId", Id(world.AgencyB)), ("Title", "Dibajak"), ("Body", "Diubah oleh B."));
        var delete = await officerB.SubmitAsync($"/inbox/templat/{id}/hapus");
        var create = await officerB.SubmitAsync("/inbox/templat", ("AgencyId", Id(world.AgencyA)), ("Title", "Menyusup"), ("Body", "Templat untuk A dari B."));

        Assert.DoesNotContain("Rahasia A", list.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, edit.Status);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        var template = await app.WithDbAsync(db => db.ResponseTemplates.SingleAsync(t => t.Id == id));
        Assert.Equal("Rahasia A", template.Title);
        Assert.False(await app.WithDbAsync(db => db.ResponseTemplates.AnyAsync(t => t.Title == "Menyusup")));
    }

    [Fact]
    public async Task Template_WithoutBody_ReRendersWithTitleKept()
    {
        var world = await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        var page = await HtmlPage.FromAsync(await officer.SubmitAsync("/inbox/templat", ("AgencyId", Id(world.AgencyA)), ("Title", "Tanpa isi"), ("Body", "")));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Tanpa isi", page.InputValue("Title"));
        Assert.Contains("Isi templat wajib diisi.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_ManagesAnyAgencysTemplates()
    {
        var world = await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        await admin.SubmitAsync("/inbox/templat", ("AgencyId", Id(world.AgencyB)), ("Title", "Dari admin untuk B"), ("Body", "Templat yang disiapkan administrator."));

        Assert.True(await app.WithDbAsync(db => db.ResponseTemplates.AnyAsync(t => t.Title == "Dari admin untuk B" && t.AgencyId == world.AgencyB)));
        Assert.Contains("Dari admin untuk B", (await (await Staff.SignInAsync(app, StaffWorld.OfficerB)).OpenAsync("/inbox/templat")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_AreForOfficersAndAdministratorsOnly()
    {
        await StaffWorld.CreateAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, StaffWorld.HeadA)).OpenAsync("/inbox/templat")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync("/inbox/templat")).Status);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
