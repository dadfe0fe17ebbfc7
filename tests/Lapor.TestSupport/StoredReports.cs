using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.TestSupport;

/// <summary>Moves stored reports through the real domain methods, as staff screens will.</summary>
public static class StoredReports
{
    public static async Task ActAsync(LaporAppFactory app, string trackingNumber, Action<Report, Lapor.Web.Domain.Deadlines.DeadlineSchedule> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Lapor.Web.Data.LaporDbContext>();
        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var report = await db.Reports.Include(r => r.Assignments).SingleAsync(r => r.TrackingNumber == trackingNumber);
        action(report, schedule);
        await db.SaveChangesAsync();
    }

    public static Actor Coordinator { get; } = new(null, ActorRole.Coordinator);

    /// <summary>Guests' reports with these titles, filed and routed to one agency a minute apart through the real domain methods; oldest first.</summary>
    public static async Task<List<string>> RoutedAsync(LaporAppFactory app, int agencyId, IEnumerable<string> titles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Lapor.Web.Data.LaporDbContext>();
        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var list = titles.ToList();
        var reports = list.Select((title, i) =>
        {
            var draft = new ReportDraft(Classification.Complaint, title, "Mohon segera ditangani.", null, null, null, null, null, null, false, false);
            var report = Report.Submit(draft, Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, now.AddMinutes(-2 * list.Count - 10 + i));
            report.Verify(Coordinator, [agencyId], ComplaintKind.Ordinary, null, null, schedule, now.AddMinutes(-list.Count - 5 + i));
            return report;
        }).ToList();
        db.Reports.AddRange(reports);
        await db.SaveChangesAsync();
        return [.. reports.Select(r => r.TrackingNumber)];
    }
}
