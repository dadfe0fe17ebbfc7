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
}
