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

namespace Lapor.IntegrationTests.Features.Administration;

/// <summary>
/// The agency and category suggestions end to end on a real SQLite file: trained from the routed
/// reports in the database, loaded back from the stored bytes, shown on the verification form,
/// what the coordinator took recorded, and only administrators may retrain or set the threshold.
/// </summary>
public sealed class TriageTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private static readonly string[] Villages = ["Desa Sukamaju", "Jl. Merdeka", "Kelurahan Tanjung", "Pasar Induk", "Desa Mekar", "Dusun Krajan"];
    private static readonly string[] RoadTitles = ["Jalan berlubang di {0}", "Aspal jalan rusak di {0}", "Jalan retak dan amblas di {0}"];
    private static readonly string[] RoadBodies = ["Jalan di {0} berlubang besar, aspal mengelupas dan pengendara motor sering jatuh.", "Aspal jalan {0} rusak parah, kendaraan harus pelan karena lubang."];
    private static readonly string[] HealthTitles = ["Antrean panjang di puskesmas {0}", "Obat kosong di puskesmas {0}", "Dokter puskesmas {0} tidak ada"];
    private static readonly string[] HealthBodies = ["Pasien di puskesmas {0} menunggu berjam-jam, obat kosong dan dokter belum datang.", "Pelayanan puskesmas {0} lambat, pasien lansia antre lama untuk berobat."];

    private static readonly SemaphoreSlim Seeding = new(1, 1);

    [Fact]
    public async Task Classifier_TrainsFromTheDatabase_AndPredictsFromTheStoredModel()
    {
        var world = await SeedAsync();

        var model = await TrainedModelAsync();

        Assert.True(model.SampleSize >= 200);
        Assert.True(model.TestSize > 0);
        Assert.Equal(2, model.AgencyClasses);
        Assert.True(model.AgencyModel.Length > 0 && model.CategoryModel.Length > 0);
        Assert.True(model.AgencyTop1 > 0.9, $"held-out top-1 {model.AgencyTop1}");

        // Loaded back from the stored bytes (not the trainer's objects), as every instance does.
        var agency = TriageClassifier.Load(model.AgencyModel);
        var category = TriageClassifier.Load(model.CategoryModel);
        var roads = agency.Rank("Jalan berlubang di Desa Baru . Aspal rusak dan berlubang . Desa Baru");
        var health = agency.Rank("Puskesmas antre lama . Obat kosong, pasien menunggu dokter . Desa Baru");

        Assert.Equal(world.AgencyA, roads[0].Id);
        Assert.Equal(world.AgencyB, health[0].Id);
        Assert.InRange(roads.Sum(p => p.Confidence), 0.99, 1.01);
        Assert.Equal((await CategoriesAsync()).Roads, category.Rank("Jalan berlubang, aspal rusak")[0].Id);
    }

    [Fact]
    public async Task TooLittleHistory_StoresNoModel_AndTheFormKeepsTheCategoryDefault()
    {
        await using var fresh = new LaporAppFactory();
        var world = await StaffWorld.CreateAsync(fresh);
        var (roads, _) = await CategoriesAsync(fresh, world);
        await SeedReportsAsync(fresh, world, roads, 0, 20);
        await using (var scope = fresh.Services.CreateAsyncScope())
        {
            Assert.Equal(TriageJob.Outcome.TooLittleHistory, await scope.ServiceProvider.GetRequiredService<TriageJob>().TrainAsync(null, CancellationToken.None));
        }

        Assert.False(await fresh.WithDbAsync(db => db.Set<TriageModel>().AnyAsync()));
        var number = await UnverifiedAsync(fresh, "Jalan berlubang di Desa Baru", "Aspal rusak.", roads);
        var page = await (await Staff.SignInAsync(fresh, StaffWorld.Coordinator)).OpenAsync($"/inbox/{number}");

        Assert.Equal("Saran instansi belum tersedia: riwayat laporan yang sudah ditangani belum cukup untuk melatih model.",
            page.Document.QuerySelector("[data-testid=triage-basis]")?.TextContent);
        Assert.Null(page.Document.QuerySelector("input[name=TriageModelId]"));
        Assert.Equal([world.AgencyA.ToString(System.Globalization.CultureInfo.InvariantCulture)], CheckedAgencies(page));

        // The administrator reads what is missing, not an invitation to press a button that cannot help yet.
        var overview = await (await Staff.SignInAsync(fresh, StaffWorld.Admin)).OpenAsync("/admin/saran-instansi");
        Assert.StartsWith("Belum ada model: baru 20 laporan yang ditangani instansi, sedangkan pelatihan memerlukan paling sedikit 200.",
            overview.Document.QuerySelector("[data-testid=triage-no-model]")?.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_ShowsTheTopAgencies_PreselectsAboveTheThreshold_AndRecordsTakenAndOverridden()
    {
        var world = await SeedAsync();
        await TrainedModelAsync();
        var (roadsCategory, healthCategory) = await CategoriesAsync();
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/saran-instansi/ambang", ("Percent", "5"))).StatusCode);

        // Filed under health by mistake: the suggestion (roads, agency A) is ticked, not the category's default (B).
        var taken = await UnverifiedAsync(app, "Jalan berlubang di Desa Baru", "Aspal jalan rusak dan berlubang, motor sering jatuh.", healthCategory);
        var page = await coordinator.OpenAsync($"/inbox/{taken}");
        var shown = page.Document.QuerySelectorAll("[data-testid=triage-agencies] li").Select(li => li.TextContent).ToList();

        Assert.Equal(2, shown.Count);
        Assert.StartsWith(StaffWorld.AgencyAName, shown[0], StringComparison.Ordinal);
        Assert.Contains("keyakinan", shown[0], StringComparison.Ordinal);
        Assert.Equal([world.AgencyA.ToString(System.Globalization.CultureInfo.InvariantCulture)], CheckedAgencies(page));
        Assert.Equal(roadsCategory.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Document.QuerySelector("#verify-category option[selected]")?.GetAttribute("value"));
        Assert.StartsWith("Instansi teratas sudah dipilih", page.Document.QuerySelector("[data-testid=triage-basis]")?.TextContent, StringComparison.Ordinal);
        var modelId = page.Document.QuerySelector("input[name=TriageModelId]")?.GetAttribute("value");
        Assert.NotNull(modelId);

        var verified = await coordinator.ActAsync(taken, "verifikasi",
            ("AgencyIds", world.AgencyA.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("CategoryId", roadsCategory.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("TriageModelId", modelId));
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);

        // The coordinator sends a road report to B instead and keeps the reporter's category: recorded as overridden.
        var overridden = await UnverifiedAsync(app, "Aspal jalan rusak di Pasar Induk", "Jalan berlubang besar di depan pasar.", roadsCategory);
        await coordinator.ActAsync(overridden, "verifikasi",
            ("AgencyIds", world.AgencyB.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("CategoryId", healthCategory.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("TriageModelId", modelId));

        var rows = await app.WithDbAsync(db => db.Set<TriageSuggestion>().AsNoTracking()
            .Join(db.Reports, s => s.ReportId, r => r.Id, (s, r) => new { s, r.TrackingNumber, r.CategoryId }).ToListAsync());
        var kept = Assert.Single(rows, x => x.TrackingNumber == taken);
        var changed = Assert.Single(rows, x => x.TrackingNumber == overridden);

        Assert.True(kept.s.AgencyTaken);
        Assert.True(kept.s.CategoryTaken);
        Assert.True(kept.s.Preselected);
        Assert.Equal(world.AgencyA, kept.s.SuggestedAgencyId);
        Assert.Equal(roadsCategory, kept.CategoryId);
        Assert.False(changed.s.AgencyTaken);
        Assert.False(changed.s.CategoryTaken);
        Assert.Equal(world.AgencyB, changed.s.ChosenAgencyId);
        Assert.Equal(healthCategory, changed.CategoryId);
        Assert.NotNull(kept.s.AgencyConfidence);
        Assert.False(string.IsNullOrEmpty(kept.s.UserId));

        // The administrator page counts them in the live figures.
        var overview = await admin.OpenAsync("/admin/saran-instansi");
        Assert.Contains("Dipakai koordinator (2 saran)", overview.Text, StringComparison.Ordinal);
        Assert.Contains("50,0%", overview.Document.QuerySelector("[data-testid=triage-accuracy]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BelowTheThreshold_TheCategoryDefaultStaysTicked()
    {
        var world = await SeedAsync();
        await TrainedModelAsync();
        var (_, healthCategory) = await CategoriesAsync();
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/saran-instansi/ambang", ("Percent", "100"))).StatusCode);

        try
        {
            var number = await UnverifiedAsync(app, "Jalan berlubang di Desa Lama", "Aspal jalan rusak dan berlubang.", healthCategory);
            var page = await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync($"/inbox/{number}");

            Assert.StartsWith(StaffWorld.AgencyAName, page.Document.QuerySelector("[data-testid=triage-agencies] li")?.TextContent, StringComparison.Ordinal);
            Assert.Equal([world.AgencyB.ToString(System.Globalization.CultureInfo.InvariantCulture)], CheckedAgencies(page));
            Assert.StartsWith("Keyakinan di bawah 100", page.Document.QuerySelector("[data-testid=triage-basis]")?.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await admin.SubmitAsync("/admin/saran-instansi/ambang", ("Percent", "5"));
        }
    }

    [Fact]
    public async Task AdminPage_ShowsTheModelBesideTheBaseline_AndRetrainsOnRequest()
    {
        await SeedAsync();
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var before = await app.WithDbAsync(db => db.Set<TriageModel>().CountAsync());

        var retrained = await admin.SubmitAsync("/admin/saran-instansi/latih-ulang");
        var page = await admin.OpenAsync("/admin/saran-instansi");

        Assert.Equal(HttpStatusCode.Redirect, retrained.StatusCode);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Set<TriageModel>().CountAsync()));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("atas permintaan administrator", page.Document.QuerySelector("[data-testid=triage-model]")?.TextContent, StringComparison.Ordinal);
        var table = page.Document.QuerySelector("[data-testid=triage-accuracy]")?.TextContent ?? "";
        Assert.Contains("Instansi bawaan kategori", table, StringComparison.Ordinal);
        Assert.Contains("Instansi, tepat di antara tiga teratas", table, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=triage-retrain]"));

        var audit = await app.WithDbAsync(db => db.Set<TriageModel>().OrderByDescending(m => m.Id).Select(m => m.TrainedBy).FirstAsync());
        Assert.NotNull(audit);
    }

    [Fact]
    public async Task AdminPage_MeasuredOnFewHeldOutReports_SaysTheAccuracyIsUncertain()
    {
        await SeedAsync();
        var model = await TrainedModelAsync();
        var page = await (await Staff.SignInAsync(app, StaffWorld.Admin)).OpenAsync("/admin/saran-instansi");

        // 240 routed reports, the newest tenth held out: a few dozen, well under the floor of 100.
        Assert.InRange(model.TestSize, 1, 99);
        Assert.Contains($"Model ({model.TestSize} laporan uji)", page.Document.QuerySelector("[data-testid=triage-accuracy] thead")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith($"Angka ketepatan ini belum pasti: model baru diuji pada {model.TestSize} laporan",
            page.Document.QuerySelector("[data-testid=triage-uncertain]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_MeasuredOnAsManyHeldOutReportsAsTheFloor_GivesNoWarning()
    {
        await using var fresh = new LaporAppFactory();
        await StaffWorld.CreateAsync(fresh);
        await fresh.WithDbAsync(async db =>
        {
            // A stored model as the trainer leaves it; the page reads its figures, never its bytes.
            db.Add(new TriageModel(DateTimeOffset.UtcNow, null, new TriageTraining(900, 100, 12, 4_000, new TriageScore.Result(100, 0.8, 0.95, 0.85, 0.6)), [1], [1]));
            await db.SaveChangesAsync();
        });

        var page = await (await Staff.SignInAsync(fresh, StaffWorld.Admin)).OpenAsync("/admin/saran-instansi");

        Assert.Contains("Model (100 laporan uji)", page.Document.QuerySelector("[data-testid=triage-accuracy] thead")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("80,0%", page.Document.QuerySelector("[data-testid=triage-accuracy] tbody")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("[data-testid=triage-uncertain]"));
    }

    [Fact]
    public async Task AdminPage_RefusesAThresholdOutOfRange()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var before = await app.WithDbAsync(db => db.Set<TriageSettings>().Select(s => (double?)s.Threshold).FirstOrDefaultAsync());

        var answer = await admin.SubmitAsync("/admin/saran-instansi/ambang", ("Percent", "250"));
        var page = await admin.OpenAsync("/admin/saran-instansi");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("Ambang keyakinan harus antara 5% dan 100%.", page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<TriageSettings>().Select(s => (double?)s.Threshold).FirstOrDefaultAsync()));
    }

    [Theory]
    [InlineData(StaffWorld.Coordinator)]
    [InlineData(StaffWorld.OfficerA)]
    [InlineData(StaffWorld.Overseer)]
    public async Task OnlyAdministrators_SeeRetrainOrSetTheThreshold(string email)
    {
        await StaffWorld.CreateAsync(app);
        var staff = await Staff.SignInAsync(app, email);
        var models = await app.WithDbAsync(db => db.Set<TriageModel>().CountAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.OpenAsync("/admin/saran-instansi")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.SubmitAsync("/admin/saran-instansi/latih-ulang")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.SubmitAsync("/admin/saran-instansi/ambang", ("Percent", "10"))).StatusCode);
        Assert.Equal(models, await app.WithDbAsync(db => db.Set<TriageModel>().CountAsync()));
        Assert.NotEqual(0.1, await app.WithDbAsync(db => db.Set<TriageSettings>().Select(s => (double?)s.Threshold).FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task Guest_IsSentToSignIn()
    {
        var answer = await app.CreateBrowser().GetAsync("/admin/saran-instansi");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.DoesNotContain("saran-instansi", answer.Headers.Location?.AbsolutePath ?? "", StringComparison.Ordinal);
    }

    private static List<string?> CheckedAgencies(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("#verify-agencies input[name=AgencyIds]").Where(i => i.HasAttribute("checked")).Select(i => i.GetAttribute("value"))];

    /// <summary>The newest stored model, training one first when there is none.</summary>
    private async Task<TriageModel> TrainedModelAsync()
    {
        if (!await app.WithDbAsync(db => db.Set<TriageModel>().AnyAsync()))
        {
            await using var scope = app.Services.CreateAsyncScope();
            Assert.Equal(TriageJob.Outcome.Trained, await scope.ServiceProvider.GetRequiredService<TriageJob>().TrainAsync(null, CancellationToken.None));
        }

        return await app.WithDbAsync(db => db.Set<TriageModel>().AsNoTracking().OrderByDescending(m => m.Id).FirstAsync());
    }

    /// <summary>The staff world with two categories and 240 routed reports (roads to A, health to B), once per factory.</summary>
    private async Task<StaffWorld> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            var world = await StaffWorld.CreateAsync(app);
            if (!await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.Title.StartsWith("Latih "))))
            {
                var (roads, health) = await CategoriesAsync(app, world);
                await SeedReportsAsync(app, world, roads, health, 240);
            }

            return world;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private Task<(int Roads, int Health)> CategoriesAsync() => CategoriesAsync(app, null);

    /// <summary>"Jalan Uji" (default agency A) and "Kesehatan Uji" (default B) under one parent, created once.</summary>
    private static async Task<(int Roads, int Health)> CategoriesAsync(LaporAppFactory factory, StaffWorld? world)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var roads = await db.Categories.FirstOrDefaultAsync(c => c.Name == "Jalan Uji");
        var health = await db.Categories.FirstOrDefaultAsync(c => c.Name == "Kesehatan Uji");
        if (roads is null || health is null)
        {
            var parent = new Category("Layanan Uji", "Test services");
            db.Categories.Add(parent);
            await db.SaveChangesAsync();
            roads = new Category("Jalan Uji", "Test roads", parent.Id);
            health = new Category("Kesehatan Uji", "Test health", parent.Id);
            db.Categories.AddRange(roads, health);
            await db.SaveChangesAsync();
            roads.SetDefaultAgency(world!.Region, world.AgencyA);
            health.SetDefaultAgency(world.Region, world.AgencyB);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        }

        return (roads.Id, health.Id);
    }

    /// <summary>Reports filed and routed through the real domain methods: roads to A, health to B, alternating, a minute apart.</summary>
    private static async Task SeedReportsAsync(LaporAppFactory factory, StaffWorld world, int roads, int health, int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        for (var i = 0; i < count; i++)
        {
            var road = i % 2 == 0;
            var village = Villages[(i * 7) % Villages.Length];
            var titles = road ? RoadTitles : HealthTitles;
            var bodies = road ? RoadBodies : HealthBodies;
            var draft = new ReportDraft(Classification.Complaint, "Latih " + string.Format(System.Globalization.CultureInfo.InvariantCulture, titles[(i / 2) % titles.Length], village),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, bodies[(i / 3) % bodies.Length], village), null, village, null, null,
                road ? roads : health == 0 ? null : health, null, false, false);
            var report = Report.Submit(draft, Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, start.AddMinutes(2 * i));
            report.Verify(StoredReports.Coordinator, [road ? world.AgencyA : world.AgencyB], ComplaintKind.Ordinary, null, null, schedule, start.AddMinutes((2 * i) + 1));
            db.Reports.Add(report);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A guest's report waiting for verification, filed under <paramref name="categoryId"/>.</summary>
    private static async Task<string> UnverifiedAsync(LaporAppFactory factory, string title, string body, int categoryId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var report = Report.Submit(new ReportDraft(Classification.Complaint, title, body, null, "Desa Baru", null, null, categoryId, null, false, false),
            Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, DateTimeOffset.UtcNow);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report.TrackingNumber;
    }
}
