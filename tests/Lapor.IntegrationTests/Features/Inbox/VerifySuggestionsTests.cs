using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Domain.Triage;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>
/// The verification form's one block of suggestions: the model's agencies with their confidence, each
/// taken in one click without script, the reporter's choice or the category's default named as what it is,
/// and what became of the suggestion recorded as it happened.
/// </summary>
public sealed class VerifySuggestionsTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);

    [Fact]
    public async Task Form_ShowsTheModelsAgenciesWithATakeButtonEach_AndNamesTheCategoryDefaultApart()
    {
        var (world, _, health) = await SeedAsync();
        var number = await UnverifiedAsync("Jalan berlubang di Desa Baru", "Aspal jalan rusak dan berlubang, motor sering jatuh.", health);

        var page = await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync($"/inbox/{number}");

        var block = page.Document.QuerySelector("[data-testid=triage]")!;
        var picks = block.QuerySelectorAll("[data-testid=triage-agency]").ToList();
        Assert.Equal(2, picks.Count);
        Assert.StartsWith($"{StaffWorld.AgencyAName} (keyakinan ", picks[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("(sudah dicentang)", picks[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [(Id(world.AgencyA), $"Teruskan ke sini {StaffWorld.AgencyAName}"), (Id(world.AgencyB), $"Teruskan ke sini {StaffWorld.AgencyBName}")],
            picks.Select(p => p.QuerySelector("button[type=submit][name=TakeAgencyId]")!).Select(b => (b.GetAttribute("value"), b.TextContent.Trim())));

        // The category's default is said to be that, not a suggestion of the model; the tree marks it the same way.
        var fallback = block.QuerySelector("[data-testid=triage-default]")!;
        Assert.StartsWith($"Instansi bawaan kategori Kesehatan Saran: {StaffWorld.AgencyBName}", fallback.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(fallback.QuerySelector("button")); // B is already among the model's picks, with its own button
        Assert.Contains("(bawaan kategori)", page.Document.QuerySelector($"#verify-agencies input[value='{Id(world.AgencyB)}']")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("disarankan", page.Document.QuerySelector("#verify-agencies")!.TextContent, StringComparison.Ordinal);

        // Enter in a field submits with the plain "verify" button, which comes before any suggestion's.
        var first = page.Document.QuerySelector("form[action$='/verifikasi'] button[type=submit]")!;
        Assert.Null(first.GetAttribute("name"));
    }

    [Fact]
    public async Task BelowTheThreshold_TheTickedDefault_IsSaidOnItsOwnLine_NotOnTheSuggestion()
    {
        var (world, roads, _) = await SeedAsync();
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        await admin.SubmitAsync("/admin/saran-instansi/ambang", ("Percent", "100"));
        try
        {
            var number = await UnverifiedAsync("Jalan berlubang di Desa Lama", "Aspal jalan rusak dan berlubang.", roads);
            var page = await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync($"/inbox/{number}");

            var top = page.Document.QuerySelector("[data-testid=triage-agency]")!.TextContent;
            Assert.StartsWith(StaffWorld.AgencyAName, top, StringComparison.Ordinal);
            Assert.DoesNotContain("dicentang", top, StringComparison.Ordinal);
            Assert.StartsWith($"Instansi bawaan kategori Jalan Saran: {StaffWorld.AgencyAName} (sudah dicentang)",
                string.Join(' ', page.Document.QuerySelector("[data-testid=triage-default]")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.Equal([Id(world.AgencyA)], page.Document.QuerySelectorAll("#verify-agencies input[checked]").Select(i => i.GetAttribute("value")));
        }
        finally
        {
            await admin.SubmitAsync("/admin/saran-instansi/ambang", ("Percent", "5"));
        }
    }

    [Fact]
    public async Task TakingASuggestion_VerifiesToThatAgencyAlone_AndRecordsTakenOrOverridden()
    {
        var (world, roads, health) = await SeedAsync();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var top = await UnverifiedAsync("Aspal jalan rusak di Pasar Induk", "Jalan berlubang besar di depan pasar.", health);
        var second = await UnverifiedAsync("Jalan retak dan amblas di Dusun Krajan", "Aspal jalan rusak parah, kendaraan harus pelan.", roads);
        var model = (await coordinator.OpenAsync($"/inbox/{top}")).Document.QuerySelector("input[name=TriageModelId]")!.GetAttribute("value")!;

        // The tree has A ticked (the confident suggestion); the second suggestion's button sends it to B alone.
        var tookTop = await coordinator.ActAsync(top, "verifikasi", ("AgencyIds", Id(world.AgencyB)), ("TriageModelId", model), ("TakeAgencyId", Id(world.AgencyA)));
        var tookSecond = await coordinator.ActAsync(second, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("TriageModelId", model), ("TakeAgencyId", Id(world.AgencyB)));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (tookTop.StatusCode, tookSecond.StatusCode));
        var routed = await app.WithDbAsync(db => db.Assignments.AsNoTracking().Where(a => a.Report!.TrackingNumber == top || a.Report!.TrackingNumber == second)
            .Select(a => new { a.Report!.TrackingNumber, a.AgencyId }).ToListAsync());
        Assert.Equal(world.AgencyA, Assert.Single(routed, r => r.TrackingNumber == top).AgencyId);
        Assert.Equal(world.AgencyB, Assert.Single(routed, r => r.TrackingNumber == second).AgencyId);
        var rows = await app.WithDbAsync(db => db.Set<TriageSuggestion>().AsNoTracking()
            .Join(db.Reports, s => s.ReportId, r => r.Id, (s, r) => new { s, r.TrackingNumber }).Where(x => x.TrackingNumber == top || x.TrackingNumber == second).ToListAsync());
        var taken = Assert.Single(rows, x => x.TrackingNumber == top).s;
        var overridden = Assert.Single(rows, x => x.TrackingNumber == second).s;
        Assert.Equal((true, world.AgencyA, 1, world.AgencyA), (taken.AgencyTaken, taken.SuggestedAgencyId, taken.ChosenAgencyCount, taken.ChosenAgencyId));
        Assert.Equal((false, world.AgencyA, 1, world.AgencyB), (overridden.AgencyTaken, overridden.SuggestedAgencyId, overridden.ChosenAgencyCount, overridden.ChosenAgencyId));
    }

    [Fact]
    public async Task TakeButton_ForAnAgencyOutsideTheCoordinatorsRegion_IsRefused_AndNothingRecorded()
    {
        var (world, roads, _) = await SeedAsync();
        await StaffWorld.OtherRegionCoordinatorAsync(app);
        var outside = await app.WithDbAsync(db => db.Agencies.Where(a => a.ShortCode == "LAIN-A").Select(a => a.Id).SingleAsync());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var number = await UnverifiedAsync("Jalan berlubang di Desa Mekar", "Aspal rusak dan berlubang.", roads);
        var model = (await coordinator.OpenAsync($"/inbox/{number}")).Document.QuerySelector("input[name=TriageModelId]")!.GetAttribute("value")!;

        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("TriageModelId", model), ("TakeAgencyId", Id(outside)));

        var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().Where(r => r.TrackingNumber == number)
            .Select(r => new { r.Status, Shares = db.Assignments.Count(a => a.ReportId == r.Id), Recorded = db.Set<TriageSuggestion>().Any(s => s.ReportId == r.Id) }).SingleAsync());
        Assert.Equal((ReportStatus.Unverified, 0, false), (report.Status, report.Shares, report.Recorded));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Once per factory: two categories (roads → A, health → B by default), 240 reports routed by road or health words,
    /// a trained model, and the threshold at 5% so a clear suggestion is ticked.
    /// </summary>
    private async Task<(StaffWorld World, int Roads, int Health)> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            var world = await StaffWorld.CreateAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
            if (await db.Categories.FirstOrDefaultAsync(c => c.Name == "Jalan Saran") is { } existing)
            {
                return (world, existing.Id, await db.Categories.Where(c => c.Name == "Kesehatan Saran").Select(c => c.Id).SingleAsync());
            }

            var parent = new Category("Layanan Saran", "Suggestion services");
            db.Categories.Add(parent);
            await db.SaveChangesAsync();
            var (roads, health) = (new Category("Jalan Saran", "Suggestion roads", parent.Id), new Category("Kesehatan Saran", "Suggestion health", parent.Id));
            db.Categories.AddRange(roads, health);
            await db.SaveChangesAsync();
            roads.SetDefaultAgency(world.Region, world.AgencyA);
            health.SetDefaultAgency(world.Region, world.AgencyB);
            var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
            var start = DateTimeOffset.UtcNow.AddDays(-30);
            string[] places = ["Desa Sukamaju", "Jl. Merdeka", "Kelurahan Tanjung", "Pasar Induk", "Desa Mekar", "Dusun Krajan"];
            for (var i = 0; i < 240; i++)
            {
                var road = i % 2 == 0;
                var place = places[(i * 7) % places.Length];
                var (title, body) = road
                    ? ($"Jalan berlubang di {place}", $"Aspal jalan {place} rusak dan berlubang, pengendara motor sering jatuh.")
                    : ($"Antrean panjang di puskesmas {place}", $"Pasien puskesmas {place} menunggu lama, obat kosong dan dokter belum datang.");
                var report = Report.Submit(new ReportDraft(Classification.Complaint, title, body, null, place, null, null, road ? roads.Id : health.Id, null, false, false),
                    Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, start.AddMinutes(2 * i));
                report.Verify(StoredReports.Coordinator, [road ? world.AgencyA : world.AgencyB], ComplaintKind.Ordinary, null, null, schedule, start.AddMinutes((2 * i) + 1));
                db.Reports.Add(report);
            }

            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
            Assert.Equal(TriageJob.Outcome.Trained, await scope.ServiceProvider.GetRequiredService<TriageJob>().TrainAsync(null, CancellationToken.None));
            var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/saran-instansi/ambang", ("Percent", "5"))).StatusCode);
            return (world, roads.Id, health.Id);
        }
        finally
        {
            Seeding.Release();
        }
    }

    /// <summary>A guest's report waiting for verification, filed under <paramref name="categoryId"/>.</summary>
    private async Task<string> UnverifiedAsync(string title, string body, int categoryId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var report = Report.Submit(new ReportDraft(Classification.Complaint, title, body, null, "Desa Baru", null, null, categoryId, null, false, false),
            Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, DateTimeOffset.UtcNow);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report.TrackingNumber;
    }
}
