using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>
/// A region that validates follow-ups (DESIGN §5, *menunggu validasi*): final responses waiting for
/// validation are listed in the coordinator's queue, and refused ones are counted per agency on the
/// dashboard. Its own app, because the policy is switched on for every test here.
/// </summary>
public sealed class AwaitingValidationTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Tab = "/inbox?Tab=AwaitingValidation";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task AwaitingValidation_FinalResponse_IsListedForCoordinatorAndOverseerUntilValidated()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var number = await FinalRespondedAsync(world, coordinator);
        Assert.Equal(AssignmentState.AwaitingValidation, await StateAsync(number));

        foreach (var viewer in new[] { coordinator, await Staff.SignInAsync(app, StaffWorld.Overseer) })
        {
            var row = await ListedAsync(viewer, number);
            Assert.NotNull(row);
            Assert.Contains("Dinas A", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("hari kerja", row.TextContent, StringComparison.Ordinal);
        }

        var validated = await coordinator.ActAsync(number, "validasi", ("AgencyId", Id(world.AgencyA)));

        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        Assert.Equal(AssignmentState.FinalResponded, await StateAsync(number));
        Assert.Null(await ListedAsync(coordinator, number));
    }

    [Fact]
    public async Task Dashboard_RefusedFinalResponse_IsCountedForItsAgency()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var number = await FinalRespondedAsync(world, coordinator);
        var before = await RefusalsOfAsync(coordinator, "Dinas A");

        var refused = await coordinator.ActAsync(number, "tolak-tindak-lanjut", ("AgencyId", Id(world.AgencyA)), ("Text", "Belum ada foto hasil perbaikan."));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(before + 1, await RefusalsOfAsync(coordinator, "Dinas A"));
        Assert.Null(await ListedAsync(coordinator, number));
    }

    /// <summary>Switches the region's policy to validating follow-ups, as the policy page would, and drops the cached schedule.</summary>
    private async Task ValidateFollowUpsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var policy = await db.DeadlinePolicies.SingleAsync();
        policy.SetFollowUpValidation(true);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().InvalidateAsync(CancellationToken.None);
    }

    private async Task<string> FinalRespondedAsync(StaffWorld world, Staff coordinator)
    {
        await ValidateFollowUpsAsync();
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.TargetAgencyId"] = Id(world.AgencyA) });
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("ComplaintKind", "Ordinary"));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var answered = await officer.ActAsync(number, "tindak-lanjut-akhir", ("Text", "Lubang sudah ditambal pada 20 November."), ("Public", "true"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        return number;
    }

    private Task<AssignmentState> StateAsync(string number) =>
        app.WithDbAsync(db => db.Assignments.Where(a => a.Report!.TrackingNumber == number).Select(a => a.State).SingleAsync());

    /// <summary>The report's row on the tab, searched by its tracking number.</summary>
    private static async Task<AngleSharp.Dom.IElement?> ListedAsync(Staff staff, string number)
    {
        var page = await staff.OpenAsync($"{Tab}&Q={number}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.TextContent.Contains(number, StringComparison.Ordinal));
    }

    /// <summary>The agency's figure in the dashboard's "Tindak lanjut ditolak" column (0 when the agency has no row yet).</summary>
    private static async Task<int> RefusalsOfAsync(Staff staff, string agency)
    {
        var page = await staff.OpenAsync("/dashboard");
        var table = page.Document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Per instansi");
        var column = table.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList().IndexOf("Tindak lanjut ditolak");
        Assert.True(column >= 0, "The per-agency table has no refusal column.");
        var row = table.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.QuerySelector("td")?.TextContent == agency);
        return row is null ? 0 : int.Parse(row.QuerySelectorAll("td")[column].TextContent, CultureInfo.InvariantCulture);
    }
}
