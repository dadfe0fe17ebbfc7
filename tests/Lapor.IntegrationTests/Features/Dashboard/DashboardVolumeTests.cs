using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Dashboard;

/// <summary>A province-sized year: the dashboard and exports must not depend on passing every report id as a parameter.</summary>
public sealed class DashboardVolumeTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    [Fact]
    public async Task Dashboard_FortyThousandReports_AnswersAndCountsThemAll()
    {
        await StaffWorld.CreateAsync(app);
        await Citizen.FileAndConfirmAsync(app.CreateBrowser());

        // Copies of a real filed report, inserted in bulk in each database's own words.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres ? """
            INSERT INTO "Reports" ("TrackingNumber", "SubmissionToken", "Classification", "Title", "Body", "IsAnonymous", "IsConfidential", "Channel", "Status", "IsReturned", "SubmittedAt", "SubmittedOn", "UpdatedAt", "SupportCount", "Version", "TimesAccepted", "TimesRejected", "IsPublic")
            SELECT 'LPR-V' || lpad(i::text, 7, '0'), gen_random_uuid(), 'Complaint', 'Volume ' || i, 'Isi', false, false, 'Web', 'Unverified', false,
                f."SubmittedAt", f."SubmittedOn", f."SubmittedAt", 0, 1, 0, 0, false
            FROM generate_series(1, 40000) AS i, (SELECT "SubmittedAt", "SubmittedOn" FROM "Reports" ORDER BY "Id" LIMIT 1) AS f
            """ : """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
            INSERT INTO Reports (TrackingNumber, SubmissionToken, Classification, Title, Body, IsAnonymous, IsConfidential, Channel, Status, IsReturned, SubmittedAt, SubmittedOn, UpdatedAt, SupportCount, Version)
            SELECT 'LPR-V' || printf('%07d', i), lower(hex(randomblob(16))), 'Complaint', 'Volume ' || i, 'Isi', 0, 0, 'Web', 'Unverified', 0,
                (SELECT SubmittedAt FROM Reports ORDER BY Id LIMIT 1), (SELECT SubmittedOn FROM Reports ORDER BY Id LIMIT 1),
                (SELECT SubmittedAt FROM Reports ORDER BY Id LIMIT 1), 0, 1
            FROM n
            """));

        // Rows written behind the context, as the data generator writes them: recounted into the dashboard tally as it does.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DashboardTallyRecount>().RunAsync(CancellationToken.None);
        }

        var total = await app.WithDbAsync(db => db.Reports.CountAsync());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var page = await coordinator.OpenAsync("/dashboard");
        var xlsx = await coordinator.Client.GetAsync("/dashboard/ekspor.xlsx");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Laporan diterima: {total}", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }
}
