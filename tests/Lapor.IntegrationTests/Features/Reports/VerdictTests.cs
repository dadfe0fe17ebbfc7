using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Reports;

public sealed class VerdictTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Reporter_AcceptsFinalResponseWithRating_ReportIsSelesai()
    {
        var (number, reporter) = await FinalResponseGivenAsync();

        var response = await reporter.PostAsync($"/lacak/{number}/puas", await Citizen.TrackFormAsync(reporter, number, ("Rating", "5")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Routing).SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(ReportStatus.Completed, report.Status);
        Assert.Equal(5, report.Rating);
        Assert.Equal(RoutingAction.Accept, report.Routing.OrderBy(e => e.Id).Last().Action);
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        Assert.Contains("Selesai", page.Text, StringComparison.Ordinal);
        Assert.Contains("Terima kasih. Laporan Anda dinyatakan selesai.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporter_RejectsWithReason_AgencyWorksOnItAgain()
    {
        var (number, reporter) = await FinalResponseGivenAsync();

        await reporter.PostAsync($"/lacak/{number}/belum-puas", await Citizen.TrackFormAsync(reporter, number, ("Reason", "Lubangnya masih ada, hanya ditimbun tanah."), ("Rating", "2")));

        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Assignments).SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(ReportStatus.InProgress, report.Status);
        Assert.Equal(AssignmentState.InProgress, report.Assignments.Single().State);
        Assert.Equal(1, report.Assignments.Single().RejectionCount);
        Assert.Equal(2, report.Rating);
    }

    [Fact]
    public async Task Reporter_RejectsWithoutReason_IsToldAndNothingChanges()
    {
        var (number, reporter) = await FinalResponseGivenAsync();

        await reporter.PostAsync($"/lacak/{number}/belum-puas", await Citizen.TrackFormAsync(reporter, number, ("Reason", "")));
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");

        Assert.Contains("Alasan wajib diisi.", page.Text, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.InProgress, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync()));
        Assert.NotNull(page.Document.QuerySelector($"form[action='/lacak/{number}/puas']"));
    }

    [Fact]
    public async Task Stranger_CannotAcceptSomeoneElsesReport()
    {
        var (number, _) = await FinalResponseGivenAsync();
        var stranger = app.CreateBrowser();
        var token = (await HtmlPage.GetAsync(stranger, $"/lacak/{number}")).AntiforgeryToken($"/lacak/{number}/akses");

        var response = await stranger.PostAsync($"/lacak/{number}/puas", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ReportStatus.InProgress, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Accept_BeforeAnyFinalResponse_IsRefusedWithMessage()
    {
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var reporter = await Citizen.UnlockAsync(app, number, code!);

        await reporter.PostAsync($"/lacak/{number}/puas", await Citizen.TrackFormAsync(reporter, number));
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");

        Assert.Contains("tidak dapat dilakukan", page.Text, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Unverified, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync()));
    }

    private async Task<(string Number, HttpClient Reporter)> FinalResponseGivenAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        await officer.ActAsync(number, "tindak-lanjut-akhir", ("Text", "Sudah diperbaiki."), ("Public", "true"));
        return (number, await Citizen.UnlockAsync(app, number, code!));
    }
}
