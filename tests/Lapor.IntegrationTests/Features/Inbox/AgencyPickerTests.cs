using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lapor.TestSupport;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>
/// The routing pickers: a tree of regions, OPDs and sub-units, a checkbox or radio button per agency, that
/// offers exactly the agencies the action accepts. DESIGN §5: an agency without an active liaison officer
/// is marked in words, so nobody routes a report there without knowing that no one will read it.
/// </summary>
public sealed partial class AgencyPickerTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string NoOfficer = "(belum ada pejabat penghubung)";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task VerifyPicker_MarksAnAgencyWithoutOfficerInWords_AndNotOneWithAnOfficer()
    {
        var world = await StaffWorld.CreateAsync(app);
        var unstaffed = await TestAgencies.AddAsync(app, "Dinas Tanpa Petugas", "UJI-C", world.Region);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var page = await coordinator.OpenAsync($"/inbox/{number}");

        var empty = Choice(page, "verify-agencies", unstaffed);
        var staffed = Choice(page, "verify-agencies", world.AgencyA);
        Assert.Equal($"Dinas Tanpa Petugas {NoOfficer}", Text(empty));
        Assert.NotNull(empty.QuerySelector(".no-officer"));
        Assert.Equal("Dinas A", Text(staffed));
        Assert.Null(staffed.QuerySelector(".no-officer"));
        Assert.Contains(NoOfficer, page.Document.QuerySelector("#verify-agencies-help")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyPicker_IsAFieldsetOfCheckboxes_RegionsHoldingOpdsHoldingTheirSubUnits()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var page = await coordinator.OpenAsync($"/inbox/{number}");

        var picker = page.Document.QuerySelector("fieldset#verify-agencies")!;
        Assert.Equal("Instansi tujuan", picker.QuerySelector("legend")!.TextContent);
        Assert.All(picker.QuerySelectorAll(".agency-tree input"), i => Assert.Equal(("checkbox", "AgencyIds"), (i.GetAttribute("type"), i.GetAttribute("name"))));
        var region = Assert.Single(picker.QuerySelectorAll("details.agency-region"), d => d.QuerySelector("summary")!.TextContent == "Kabupaten Uji");
        var opd = Choice(page, "verify-agencies", world.AgencyA).ParentElement!;
        Assert.Same(region, opd.ParentElement!.ParentElement);
        var subUnits = Assert.Single(opd.Children, c => c.LocalName == "details");
        Assert.Equal("1 sub-unit", subUnits.QuerySelector("summary")!.TextContent);
        Assert.Equal(Id(world.AgencyA1), Assert.Single(subUnits.QuerySelectorAll("li input")).GetAttribute("value"));
        Assert.Null(picker.QuerySelector($"input[value='{Id(world.Region)}']"));
    }

    [Fact]
    public async Task VerifyPicker_SuggestingAnAgencyWithoutOfficer_TicksAndMarksIt_AndShowsTheWarningWithoutScript()
    {
        var world = await StaffWorld.CreateAsync(app);
        var unstaffed = await TestAgencies.AddAsync(app, "Dinas Tanpa Petugas", "UJI-C", world.Region);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.TargetAgencyId"] = Id(unstaffed) });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var page = await coordinator.OpenAsync($"/inbox/{number}");

        var suggested = Choice(page, "verify-agencies", unstaffed);
        Assert.True(suggested.QuerySelector("input")!.HasAttribute("checked"));
        Assert.Equal($"Dinas Tanpa Petugas (pilihan pelapor) {NoOfficer}", Text(suggested));
        Assert.Single(page.Document.QuerySelectorAll("#verify-agencies input[checked]"));
        var warning = page.Document.QuerySelector("#verify-agencies-warning")!;
        Assert.False(warning.HasAttribute("hidden"));
        Assert.Contains("Belum ada pejabat penghubung aktif di Dinas Tanpa Petugas", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("verify-agencies-warning", page.Document.QuerySelector("#verify-agencies")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutedReport_SteeringAndForwardPickers_AreRadioButtons_MarkingTheAgencyWithoutOfficer()
    {
        var world = await StaffWorld.CreateAsync(app);
        var unstaffed = await TestAgencies.AddAsync(app, "Dinas Tanpa Petugas", "UJI-C", world.Region);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));

        var steering = await coordinator.OpenAsync($"/inbox/{number}");
        var forwarding = await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).OpenAsync($"/inbox/{number}");

        foreach (var (page, picker, field) in new[] { (steering, "add-agency", "AgencyId"), (steering, "reroute-to", "ToAgencyId"), (forwarding, "forward-to", "ToAgencyId") })
        {
            Assert.Contains(NoOfficer, Text(Choice(page, picker, unstaffed)), StringComparison.Ordinal);
            Assert.DoesNotContain(NoOfficer, Text(Choice(page, picker, world.AgencyB)), StringComparison.Ordinal);
            Assert.All(page.Document.QuerySelectorAll($"#{picker} .agency-tree input"), i => Assert.Equal(("radio", field), (i.GetAttribute("type"), i.GetAttribute("name"))));
            Assert.Empty(page.Document.QuerySelectorAll($"#{picker} input[checked]"));

            // The agency already working on the report cannot be chosen again; it stays in the tree, greyed, above its sub-units.
            Assert.True(Choice(page, picker, world.AgencyA).QuerySelector("input")!.HasAttribute("disabled"));
        }

        Assert.Equal("Bidang A1 (sub-unit)", Text(Choice(forwarding, "forward-to", world.AgencyA1)));
    }

    /// <summary>
    /// The coordinator's pickers hold every active agency of their subtree that takes reports and nothing
    /// else (what the actions accept); the officer forwards to any active agency, never to a retired one.
    /// </summary>
    [Fact]
    public async Task Pickers_HoldEveryActiveAgencyInScope_AndNoneOutOfIt()
    {
        var world = await StaffWorld.CreateAsync(app);
        var elsewhere = await TestAgencies.AddAsync(app, "Kabupaten Seberang", "SBR", null, AgencyKind.RegencyCity);
        var outside = await TestAgencies.AddAsync(app, "Dinas Seberang", "SBR-A", elsewhere);
        var retired = await TestAgencies.AddAsync(app, "Dinas Lama", "UJI-L", world.Region, deactivate: true);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyB)));
        var (number2, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());

        var steering = await coordinator.OpenAsync($"/inbox/{number}");
        var verifying = await coordinator.OpenAsync($"/inbox/{number2}");
        var forwarding = await (await Staff.SignInAsync(app, StaffWorld.OfficerB)).OpenAsync($"/inbox/{number}");

        var agencies = await app.WithDbAsync(db => db.Agencies.Select(a => new { a.Id, a.ParentId, a.Kind, a.IsActive }).ToListAsync());
        static bool Takes(AgencyKind kind) => kind is AgencyKind.Opd or AgencyKind.SubUnit or AgencyKind.Bumd;
        bool Under(int? id, int root) => id == root || (id is { } some && Under(agencies.Single(a => a.Id == some).ParentId, root));
        var everywhere = agencies.Where(a => a.IsActive && Takes(a.Kind)).Select(a => a.Id).Order().ToList();
        var inRegion = everywhere.Where(id => Under(id, world.Region)).ToList();
        Assert.Contains(outside, everywhere);
        Assert.DoesNotContain(retired, everywhere);

        Assert.Equal(inRegion, Offered(verifying, "verify-agencies"));
        Assert.Equal(inRegion, Offered(steering, "add-agency"));
        Assert.Equal(inRegion, Offered(steering, "reroute-to"));
        Assert.Equal(everywhere, Offered(forwarding, "forward-to"));
    }

    private static List<int> Offered(HtmlPage page, string picker) =>
        [.. page.Document.QuerySelectorAll($"#{picker} .agency-tree input").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).Order()];

    [Fact]
    public async Task DisablingTheOnlyOfficer_MarksTheAgencyOnTheNextPage()
    {
        var world = await StaffWorld.CreateAsync(app);
        var agency = await TestAgencies.AddAsync(app, "Dinas Satu Petugas", "UJI-E", world.Region);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        Assert.Contains(NoOfficer, Choice(await coordinator.OpenAsync($"/inbox/{number}"), "verify-agencies", agency).TextContent, StringComparison.Ordinal);

        await admin.SubmitAsync("/admin/pengguna/undang", ("email", "satu.petugas@uji.id"), ("name", "Satu Petugas"), ("role", Roles.Officer), ("agencyId", Id(agency)));
        var staffed = Choice(await coordinator.OpenAsync($"/inbox/{number}"), "verify-agencies", agency);
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "satu.petugas@uji.id").Select(u => u.Id).SingleAsync());
        var disabled = await admin.SubmitAsync($"/admin/pengguna/{officer}", ("roles", Roles.Officer), ("agencyIds", Id(agency)), ("disabled", "true"), ("confirmed", "true"));
        var unstaffed = Choice(await coordinator.OpenAsync($"/inbox/{number}"), "verify-agencies", agency);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal("Dinas Satu Petugas", Text(staffed));
        Assert.Equal($"Dinas Satu Petugas {NoOfficer}", Text(unstaffed));
    }

    /// <summary>An element's text as a browser shows it: runs of white space as one space.</summary>
    private static string Text(AngleSharp.Dom.IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>The label of an agency's checkbox or radio button: its name and its marks in words.</summary>
    private static AngleSharp.Dom.IElement Choice(HtmlPage page, string picker, int agencyId) =>
        page.Document.QuerySelector($"fieldset#{picker} label > input[value='{Id(agencyId)}']")?.ParentElement
        ?? throw new InvalidOperationException($"The {picker} picker does not offer agency {agencyId}.");
}
