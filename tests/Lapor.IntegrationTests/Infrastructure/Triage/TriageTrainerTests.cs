using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Infrastructure.Triage;

/// <summary>The training examples as read from a real SQLite file: which reports count and which agency each is learnt as.</summary>
public sealed class TriageTrainerTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Examples_LabelEachReportWithTheAgencyThatKeptIt_AndLeaveOutReportsNoAgencyKept()
    {
        var world = await StaffWorld.CreateAsync(app);
        var numbers = await StoredReports.RoutedAsync(app, world.AgencyA, ["Tetap di A", "Diteruskan ke B", "Dialihkan ke B", "Dikembalikan A"]);
        var officerA = Actor.Officer(await app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffWorld.OfficerA).Select(u => u.Id).SingleAsync()), [world.AgencyA]);
        var now = DateTimeOffset.UtcNow;
        await StoredReports.ActAsync(app, numbers[1], (r, s) => r.Forward(officerA, new AgencyRef(world.AgencyB, null), "Kewenangan instansi B.", s, now));
        await StoredReports.ActAsync(app, numbers[2], (r, s) => r.Reroute(StoredReports.Coordinator, world.AgencyA, world.AgencyB, "Salah instansi.", s, now));
        await StoredReports.ActAsync(app, numbers[3], (r, s) => r.Return(officerA, "Bukan kewenangan kami.", s, now));

        await using var scope = app.Services.CreateAsyncScope();
        var examples = await scope.ServiceProvider.GetRequiredService<TriageTrainer>().ExamplesAsync(1000, CancellationToken.None);
        int? LabelOf(string title) => examples.SingleOrDefault(e => e.Text.StartsWith(title + " . ", StringComparison.Ordinal))?.AgencyId;

        Assert.Equal(world.AgencyA, LabelOf("Tetap di A"));
        Assert.Equal(world.AgencyB, LabelOf("Diteruskan ke B"));
        Assert.Equal(world.AgencyB, LabelOf("Dialihkan ke B"));
        Assert.Null(LabelOf("Dikembalikan A"));
        Assert.Equal(examples.OrderByDescending(e => e.ReportId).Select(e => e.ReportId), examples.Select(e => e.ReportId));
    }
}
