using System.Net;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Data;

/// <summary>
/// A NUL character (%00) typed anywhere is text like any other: filed, searched for, never a 500. PostgreSQL cannot
/// hold one, so there it is stored as U+FFFD (<see cref="Lapor.Web.Data.PostgresNulInterceptor"/>); the others keep it.
/// </summary>
public sealed class NulCharacterTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task InATitle_TheReportIsFiled()
    {
        await StaffWorld.CreateAsync(app);

        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Lampu\0padam di gang");

        var title = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Title).SingleAsync());
        Assert.Equal(TestDatabase.IsPostgres ? "Lampu\uFFFDpadam di gang" : "Lampu\0padam di gang", title);
    }

    [Fact]
    public async Task InTheInboxSearch_ThePageAnswers()
    {
        await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/inbox?Q=jalan%00rusak")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync("/laporan?Q=LPR%00")).StatusCode);
    }
}
