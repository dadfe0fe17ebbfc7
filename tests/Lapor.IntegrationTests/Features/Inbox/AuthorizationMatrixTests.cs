using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>
/// Every staff action on a report × every role, in and out of scope. Refused requests must change
/// nothing; out-of-scope staff get 404 so they cannot even learn the report exists.
/// </summary>
public sealed class AuthorizationMatrixTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Anonymous = "(anonymous)";

    /// <summary>Every POST action under /inbox/{trackingNumber}/, with the roles allowed to use it.</summary>
    private static readonly Dictionary<string, string[]> Actions = new()
    {
        ["verifikasi"] = [StaffWorld.Coordinator],
        ["tunda"] = [StaffWorld.Coordinator],
        ["arsipkan"] = [StaffWorld.Coordinator],
        ["duplikat-dari"] = [StaffWorld.Coordinator],
        ["pulihkan"] = [StaffWorld.Coordinator],
        ["buka-kembali"] = [StaffWorld.Coordinator],
        ["identitas"] = [StaffWorld.Coordinator],
        ["tambah-instansi"] = [StaffWorld.Coordinator],
        ["tarik-instansi"] = [StaffWorld.Coordinator],
        ["alihkan"] = [StaffWorld.Coordinator],
        ["ingatkan"] = [StaffWorld.Coordinator],
        ["validasi"] = [StaffWorld.Coordinator, StaffWorld.Overseer],
        ["tolak-tindak-lanjut"] = [StaffWorld.Coordinator, StaffWorld.Overseer],
        ["tanggapi"] = [StaffWorld.OfficerA],
        ["catatan"] = [StaffWorld.OfficerA, StaffWorld.Coordinator], // oversight is read-only (DESIGN §2)
        ["minta-keterangan"] = [StaffWorld.OfficerA],
        ["tindak-lanjut-akhir"] = [StaffWorld.OfficerA],
        ["kembalikan"] = [StaffWorld.OfficerA],
        ["teruskan"] = [StaffWorld.OfficerA],
        ["ambil"] = [StaffWorld.OfficerA],
        ["serahkan"] = [StaffWorld.OfficerA, StaffWorld.HeadA],
        ["tag"] = [StaffWorld.Coordinator],
        ["tag/hapus"] = [StaffWorld.Coordinator],
    };

    private static readonly string[] Everyone =
        [Anonymous, StaffWorld.CitizenX, StaffWorld.OfficerA, StaffWorld.OfficerB, StaffWorld.HeadA, StaffWorld.Overseer, StaffWorld.Coordinator];

    [Fact]
    public void Matrix_CoversEveryStaffActionTheAppHas()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => p.StartsWith("inbox/{trackingNumber}/", StringComparison.Ordinal) && !p.Contains("lampiran", StringComparison.Ordinal)
                && !p.EndsWith("kehadiran", StringComparison.Ordinal) && !p.EndsWith("serupa", StringComparison.Ordinal))
            .Select(p => p["inbox/{trackingNumber}/".Length..])
            .ToHashSet();

        Assert.Equal(Actions.Keys.Order(), routes.Order());
    }

    [Fact]
    public async Task EveryAction_EveryRole_AllowedOnlyToTheRightRoleInScope()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.IsAnonymous"] = "true" });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var sessions = new Dictionary<string, HttpClient> { [Anonymous] = app.CreateBrowser() };
        foreach (var email in Everyone.Skip(1))
        {
            sessions[email] = (await Staff.SignInAsync(app, email)).Client;
        }

        var failures = new List<string>();
        foreach (var (action, allowed) in Actions)
        {
            foreach (var who in Everyone.Where(w => !allowed.Contains(w)))
            {
                var before = await SnapshotAsync(number);
                var response = await PostAsync(sessions[who], number, action, before.Version, world);
                var expected = Expected(who, allowed);
                if (response.StatusCode != expected || !Location(response).Contains(expected == HttpStatusCode.Redirect ? "/Account/Login" : "", StringComparison.Ordinal))
                {
                    failures.Add($"{who} {action}: {(int)response.StatusCode} {Location(response)} (expected {(int)expected})");
                }

                if (await SnapshotAsync(number) != before)
                {
                    failures.Add($"{who} {action}: the report changed");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task ReportPage_OnlyStaffInScopeCanOpenIt()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var expected = new Dictionary<string, HttpStatusCode>
        {
            [StaffWorld.CitizenX] = HttpStatusCode.Forbidden,
            [StaffWorld.OfficerA] = HttpStatusCode.OK,
            [StaffWorld.OfficerA1] = HttpStatusCode.NotFound,
            [StaffWorld.OfficerB] = HttpStatusCode.NotFound,
            [StaffWorld.HeadA] = HttpStatusCode.OK,
            [StaffWorld.Overseer] = HttpStatusCode.OK,
            [StaffWorld.Coordinator] = HttpStatusCode.OK,
        };

        foreach (var (email, status) in expected)
        {
            var page = await (await Staff.SignInAsync(app, email)).OpenAsync($"/inbox/{number}");
            Assert.True(status == page.Status, $"{email}: {page.Status}");
            if (status != HttpStatusCode.OK)
            {
                Assert.DoesNotContain("Lubang besar di depan pasar", page.Html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().GetAsync($"/inbox/{number}")).StatusCode);
    }

    [Fact]
    public async Task Attachment_OutOfScopeOfficer_Gets404()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), extra: f =>
        {
            var content = new ByteArrayContent(TestImages.Jpeg());
            content.Headers.ContentType = new("image/jpeg");
            f.Add(content, "Form.Attachments", "bukti.jpg");
        });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var id = await app.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).Select(a => a.Id).SingleAsync());

        var inScope = await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).Client.GetAsync($"/inbox/{number}/lampiran/{id}");
        var outOfScope = await (await Staff.SignInAsync(app, StaffWorld.OfficerB)).Client.GetAsync($"/inbox/{number}/lampiran/{id}");

        Assert.Equal(HttpStatusCode.OK, inScope.StatusCode);
        Assert.Equal("attachment", inScope.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
    }

    /// <summary>No sign-in: to the login page. The right role but another agency: 404. The wrong role: 403.</summary>
    private static HttpStatusCode Expected(string who, string[] allowed) => who switch
    {
        Anonymous => HttpStatusCode.Redirect,
        StaffWorld.OfficerB when allowed.Contains(StaffWorld.OfficerA) => HttpStatusCode.NotFound,
        _ => HttpStatusCode.Forbidden,
    };

    private static string Location(HttpResponseMessage response) => response.Headers.Location?.ToString() ?? "";

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string number, string action, int version, StaffWorld world)
    {
        var token = (await HtmlPage.GetAsync(client, "/lapor")).AntiforgeryToken("/lapor");
        return await client.PostAsync($"/inbox/{number}/{action}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Text"] = "percobaan",
            ["Reason"] = action == "arsipkan" ? "Spam" : "percobaan",
            ["AgencyIds"] = world.AgencyB.ToString(CultureInfo.InvariantCulture),
            ["ToAgencyId"] = world.AgencyB.ToString(CultureInfo.InvariantCulture),
            ["AgencyId"] = world.AgencyA.ToString(CultureInfo.InvariantCulture),
            ["Label"] = "percobaan",
        }));
    }

    private Task<(int Version, string Status, int Entries, int Audits)> SnapshotAsync(string number) => app.WithDbAsync(async db =>
    {
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.TrackingNumber == number);
        return (report.Version, report.Status.ToString(), await db.RoutingEntries.CountAsync(e => e.ReportId == report.Id), await db.AuditEntries.CountAsync());
    });
}
