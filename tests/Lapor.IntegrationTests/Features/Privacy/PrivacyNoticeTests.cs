using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Privacy;

/// <summary>The privacy notice: seeded on a fresh install, read by everyone, edited by administrators only, never rendered as HTML.</summary>
public sealed class PrivacyNoticeTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Notice_FreshInstall_GuestReadsTheDefaultInBothLanguages()
    {
        var guest = app.CreateBrowser();

        var page = await HtmlPage.GetAsync(guest, "/kebijakan-privasi");
        var english = await HtmlPage.GetAsync(guest, "/kebijakan-privasi?culture=en");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Document.QuerySelectorAll("h2"), h => h.TextContent == "Data yang kami simpan");
        Assert.Contains("Undang-Undang Nomor 27 Tahun 2022", page.Text, StringComparison.Ordinal);
        Assert.Contains(english.Document.QuerySelectorAll("h2"), h => h.TextContent == "What we store");
    }

    [Theory]
    [InlineData("/lapor")]
    [InlineData("/Account/Register")]
    [InlineData("/")]
    public async Task Notice_IsLinkedFromTheFormsAndTheFooter(string url)
    {
        var page = await HtmlPage.GetAsync(app.CreateBrowser(), url);

        Assert.NotNull(page.Document.QuerySelector("a[href='/kebijakan-privasi']"));
    }

    [Fact]
    public async Task Admin_EditsTheNotice_EveryoneReadsItAsTextAndTheChangeIsAudited()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        Assert.Contains("Data yang kami simpan", (await admin.OpenAsync("/admin/privasi")).Text, StringComparison.Ordinal);

        var saved = await admin.SubmitAsync("/admin/privasi",
            ("TextId", "# Ringkas\n\nKami menyimpan laporan Anda.\n\n- Nama\n- E-mail\n\n<script>alert(1)</script>"),
            ("TextEn", "# Short\n\nWe keep your report."));
        var page = await HtmlPage.GetAsync(app.CreateBrowser(), "/kebijakan-privasi");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(page.Document.QuerySelectorAll("h2"), h => h.TextContent == "Ringkas");
        Assert.Equal(["Nama", "E-mail"], page.Document.QuerySelectorAll(".privacy-notice li").Select(li => li.TextContent));
        Assert.Contains("<script>alert(1)</script>", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll(".privacy-notice script"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SettingsChanged && a.TargetType == "PrivacyNotice")));
    }

    [Fact]
    public async Task Admin_SavesAnEmptyText_IsToldAndKeepsTheOther()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var response = await admin.SubmitAsync("/admin/privasi", ("TextId", ""), ("TextEn", "Only English typed."));
        var page = await HtmlPage.FromAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wajib diisi", page.Text, StringComparison.Ordinal);
        Assert.Contains("Only English typed.", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffWorld.Coordinator)]
    [InlineData(StaffWorld.OfficerA)]
    [InlineData(StaffWorld.CitizenX)]
    public async Task NonAdministrator_CannotEditTheNotice(string email)
    {
        await StaffWorld.CreateAsync(app);
        var before = await app.WithDbAsync(db => db.PrivacyNotices.Select(n => n.TextId).SingleAsync());
        var user = await Staff.SignInAsync(app, email);

        var read = await user.Client.GetAsync("/admin/privasi");
        var write = await user.SubmitAsync("/admin/privasi", ("TextId", "Diubah tanpa hak."), ("TextEn", "Changed without right."));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.PrivacyNotices.Select(n => n.TextId).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/kebijakan-privasi")).StatusCode);
    }

    [Fact]
    public async Task Guest_CannotOpenTheEditor()
    {
        var response = await app.CreateBrowser().GetAsync("/admin/privasi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
