using System.Globalization;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Data;

/// <summary>The AssignmentFilingDay migration gives the assignments that already exist their report's filing day (on SQLite and PostgreSQL alike).</summary>
public sealed class AssignmentFilingDayMigrationTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Migration_DownAndUp_CopiesEachReportsFilingDayToItsAssignments()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (routed, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Saluran air tersumbat di depan puskesmas");
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(routed, "verifikasi",
            ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)), ("AgencyIds", world.AgencyB.ToString(CultureInfo.InvariantCulture)));

        // A filing day the clock would not give, so only the backfill can have copied it.
        var filedOn = new DateOnly(2024, 2, 29);
        await app.WithDbAsync(async db =>
        {
            await db.Reports.Where(r => r.TrackingNumber == routed).ExecuteUpdateAsync(set => set.SetProperty(r => r.SubmittedOn, filedOn));
            await MigrationReplay.ReplayAsync(db, "AssignmentFilingDay");
        });

        var days = await app.WithDbAsync(db => db.Assignments.Where(a => a.Report!.TrackingNumber == routed).Select(a => a.ReportSubmittedOn).ToListAsync());
        Assert.Equal([filedOn, filedOn], days);
    }
}
