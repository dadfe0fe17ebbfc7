using Lapor.Web.Data;
using Lapor.Web.Domain.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>What each staff member has seen: opening a report's page, or "tandai sudah dibaca" on the list, marks the version seen.</summary>
public sealed class Readings(LaporDbContext db, TimeProvider clock)
{
    /// <summary>After the user's own change: the version they just made is seen (they are not told of their own answer).</summary>
    public async Task SawAsync(string userId, string trackingNumber, CancellationToken cancellationToken)
    {
        if (await db.Reports.AsNoTracking().Where(r => r.TrackingNumber == trackingNumber).Select(r => new { r.Id, r.Version }).FirstOrDefaultAsync(cancellationToken) is { } report)
        {
            await SawAsync(userId, report.Id, report.Version, cancellationToken);
        }
    }

    public async Task SawAsync(string userId, long reportId, int version, CancellationToken cancellationToken)
    {
        var reading = await db.ReportReadings.FirstOrDefaultAsync(r => r.UserId == userId && r.ReportId == reportId, cancellationToken);
        if (reading is null)
        {
            db.ReportReadings.Add(new ReportReading(userId, reportId, version, clock.GetUtcNow()));
        }
        else
        {
            reading.Saw(version, clock.GetUtcNow());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person's other tab wrote the row first: it is marked either way.
            db.ChangeTracker.Clear();
        }
    }
}
