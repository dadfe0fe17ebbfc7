using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lapor.TestSupport;
using Lapor.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Administration;

public sealed class AgenciesTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Admin_CreatesEditsAndDeactivatesAnAgency()
    {
        var world = await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        await admin.SubmitAsync("/admin/instansi", ("Name", "Dinas Pariwisata"), ("Code", "uji-par"), ("Kind", "Opd"), ("ParentId", Id(world.Region)),
            ("DecreeNumber", "188/12/2026"), ("DecreeDate", "2026-02-01"), ("IsActive", "true"));
        var created = await app.WithDbAsync(db => db.Agencies.SingleAsync(a => a.ShortCode == "UJI-PAR"));
        Assert.Equal((world.Region, "188/12/2026", true), (created.ParentId!.Value, created.LiaisonDecreeNumber!, created.IsActive));

        await admin.SubmitAsync($"/admin/instansi/{created.Id}", ("Name", "Dinas Pariwisata dan Kebudayaan"), ("Code", "UJI-PAR"), ("Kind", "Opd"), ("ParentId", Id(world.Region)), ("IsActive", "false"), ("confirmed", "true"));

        var updated = await app.WithDbAsync(db => db.Agencies.SingleAsync(a => a.Id == created.Id));
        Assert.Equal(("Dinas Pariwisata dan Kebudayaan", false), (updated.Name, updated.IsActive));
        Assert.Contains("Dinas Pariwisata dan Kebudayaan", (await admin.OpenAsync("/admin/instansi")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_CannotTakeAUsedCodeOrPutAnAgencyUnderItsOwnUnit()
    {
        var world = await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var taken = await HtmlPage.FromAsync(await admin.SubmitAsync("/admin/instansi", ("Name", "Dinas Kembar"), ("Code", "UJI-A"), ("Kind", "Opd")));
        var cycle = await HtmlPage.FromAsync(await admin.SubmitAsync($"/admin/instansi/{world.AgencyA}", ("Name", "Dinas A"), ("Code", "UJI-A"), ("Kind", "Opd"), ("ParentId", Id(world.AgencyA1))));

        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        Assert.Contains("sudah dipakai", taken.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, cycle.Status);
        Assert.Equal(world.Region, await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == world.AgencyA).Select(a => a.ParentId!.Value).SingleAsync()));
    }

    [Fact]
    public async Task Admin_ImportsAgencyTreeFromCsv_ParentsFirst()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var page = await ImportAsync(admin, "kode,nama,jenis,induk,sk,tanggal\nUJI-DP,Dinas Perikanan,Opd,UJI,188/20/2026,2026-03-01\nUJI-DP-1,Bidang Budidaya,SubUnit,UJI-DP,,\nUJI-A,Dinas A,Opd,UJI,,\n");
        var broken = await ImportAsync(admin, "UJI-X1,Anak Yatim,SubUnit,UJI-TIDAK-ADA\n");

        Assert.Contains("2 instansi ditambahkan, 1 sudah ada.", page.Text, StringComparison.Ordinal);
        var child = await app.WithDbAsync(db => db.Agencies.SingleAsync(a => a.ShortCode == "UJI-DP-1"));
        var parent = await app.WithDbAsync(db => db.Agencies.SingleAsync(a => a.ShortCode == "UJI-DP"));
        Assert.Equal((parent.Id, AgencyKind.SubUnit), (child.ParentId!.Value, child.Kind));
        Assert.Contains("tidak ada yang disimpan", broken.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Agencies.AnyAsync(a => a.ShortCode == "UJI-X1")));
    }

    [Fact]
    public async Task AgencyAdministration_IsForAdministratorsOnly()
    {
        await StaffWorld.CreateAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync("/admin/instansi")).Status);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<HtmlPage> ImportAsync(Staff admin, string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await admin.Client.PostAsync("/admin/instansi/impor", new MultipartFormDataContent
        {
            { new StringContent(await admin.TokenAsync()), "__RequestVerificationToken" },
            { file, "file", "instansi.csv" },
        });
        return await admin.OpenAsync(response.Headers.Location!.OriginalString);
    }
}
