using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>
/// DESIGN §5: an agency without an active liaison officer is marked in the routing pickers, in
/// words, so nobody routes a report there without knowing that no one will read it.
/// </summary>
public sealed class AgencyPickerTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string NoOfficer = "(belum ada pejabat penghubung)";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task VerifyPicker_MarksAnAgencyWithoutOfficerInWords_AndNotOneWithAnOfficer()
    {
        var world = await StaffWorld.CreateAsync(app);
        var unstaffed = await AgencyAsync("Dinas Tanpa Petugas", "UJI-C", world.Region);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var page = await coordinator.OpenAsync($"/inbox/{number}");

        var empty = Option(page, "verify-agencies", unstaffed);
        var staffed = Option(page, "verify-agencies", world.AgencyA);
        Assert.Contains(NoOfficer, empty.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", empty.GetAttribute("data-unstaffed"));
        Assert.DoesNotContain("pejabat penghubung", staffed.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", staffed.GetAttribute("data-unstaffed"));
        Assert.Contains(NoOfficer, page.Document.QuerySelector("#verify-agencies-help")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyPicker_GroupsAgenciesByRegion_WithSubUnitsIndentedUnderTheirOpd()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var page = await coordinator.OpenAsync($"/inbox/{number}");

        var group = Assert.Single(page.Document.QuerySelectorAll("#verify-agencies optgroup"), g => g.GetAttribute("label") == "Kabupaten Uji");
        var options = group.QuerySelectorAll("option").ToList();
        var opd = options.FindIndex(o => o.GetAttribute("value") == Id(world.AgencyA));
        Assert.Equal(opd + 1, options.FindIndex(o => o.GetAttribute("value") == Id(world.AgencyA1)));
        Assert.Equal("Dinas A", options[opd].TextContent);
        Assert.StartsWith("\u00A0", options[opd + 1].TextContent, StringComparison.Ordinal);
        Assert.Equal("Bidang A1", options[opd + 1].TextContent.Trim());
        Assert.DoesNotContain(options, o => o.GetAttribute("value") == Id(world.Region));
    }

    [Fact]
    public async Task VerifyPicker_SuggestingAnAgencyWithoutOfficer_ShowsTheWarningWithoutScript()
    {
        var world = await StaffWorld.CreateAsync(app);
        var unstaffed = await AgencyAsync("Dinas Tanpa Petugas", "UJI-C", world.Region);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.TargetAgencyId"] = Id(unstaffed) });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var page = await coordinator.OpenAsync($"/inbox/{number}");

        Assert.True(Option(page, "verify-agencies", unstaffed).HasAttribute("selected"));
        var warning = page.Document.QuerySelector("#verify-agencies-warning")!;
        Assert.False(warning.HasAttribute("hidden"));
        Assert.Contains("Belum ada pejabat penghubung aktif di Dinas Tanpa Petugas", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("verify-agencies-warning", page.Document.QuerySelector("#verify-agencies")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutedReport_SteeringAndForwardPickers_MarkTheAgencyWithoutOfficer()
    {
        var world = await StaffWorld.CreateAsync(app);
        var unstaffed = await AgencyAsync("Dinas Tanpa Petugas", "UJI-C", world.Region);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));

        var steering = await coordinator.OpenAsync($"/inbox/{number}");
        var forwarding = await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).OpenAsync($"/inbox/{number}");

        foreach (var (page, picker) in new[] { (steering, "add-agency"), (steering, "reroute-to"), (forwarding, "forward-to") })
        {
            Assert.Contains(NoOfficer, Option(page, picker, unstaffed).TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(NoOfficer, Option(page, picker, world.AgencyB).TextContent, StringComparison.Ordinal);

            // The agency already working on the report cannot be chosen again; it stays in the tree, greyed, above its sub-units.
            Assert.True(page.Document.QuerySelector($"#{picker} option[value='{Id(world.AgencyA)}']")!.HasAttribute("disabled"));
        }

        Assert.Equal("Bidang A1 (sub-unit)", Option(forwarding, "forward-to", world.AgencyA1).TextContent.Trim());
    }

    [Fact]
    public async Task DisablingTheOnlyOfficer_MarksTheAgencyOnTheNextPage()
    {
        var world = await StaffWorld.CreateAsync(app);
        var agency = await AgencyAsync("Dinas Satu Petugas", "UJI-E", world.Region);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        Assert.Contains(NoOfficer, Option(await coordinator.OpenAsync($"/inbox/{number}"), "verify-agencies", agency).TextContent, StringComparison.Ordinal);

        await admin.SubmitAsync("/admin/pengguna/undang", ("email", "satu.petugas@uji.id"), ("name", "Satu Petugas"), ("role", Roles.Officer), ("agencyId", Id(agency)));
        var staffed = Option(await coordinator.OpenAsync($"/inbox/{number}"), "verify-agencies", agency);
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "satu.petugas@uji.id").Select(u => u.Id).SingleAsync());
        var disabled = await admin.SubmitAsync($"/admin/pengguna/{officer}", ("roles", Roles.Officer), ("agencyIds", Id(agency)), ("disabled", "true"), ("confirmed", "true"));
        var unstaffed = Option(await coordinator.OpenAsync($"/inbox/{number}"), "verify-agencies", agency);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal("Dinas Satu Petugas", staffed.TextContent);
        Assert.Equal($"Dinas Satu Petugas {NoOfficer}", unstaffed.TextContent);
    }

    private static AngleSharp.Dom.IElement Option(HtmlPage page, string picker, int agencyId) =>
        page.Document.QuerySelector($"select#{picker} option[value='{Id(agencyId)}']")
        ?? throw new InvalidOperationException($"The {picker} picker does not offer agency {agencyId}.");

    /// <summary>An OPD with nobody in it, written as the agency admin page would (which also drops the cached agency list).</summary>
    private async Task<int> AgencyAsync(string name, string code, int regionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Agencies.Where(a => a.ShortCode == code).Select(a => (int?)a.Id).SingleOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        var agency = new Agency(name, code, AgencyKind.Opd, regionId);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        return agency.Id;
    }
}
