using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.MyReports;

/// <summary>"Laporan Saya": the signed-in citizen's own reports, newest first.</summary>
public static class Mine
{
    public sealed record Item(string TrackingNumber, string Title, Classification Classification, ReportStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt);

    public sealed class Handler(LaporDbContext db)
    {
        public Task<List<Item>> HandleAsync(string userId, CancellationToken cancellationToken) =>
            db.Reports.AsNoTracking()
                .Where(r => r.ReporterUserId == userId)
                .OrderByDescending(r => r.SubmittedAt)
                .Select(r => new Item(r.TrackingNumber, r.Title, r.Classification, r.Status, r.SubmittedAt, r.UpdatedAt))
                .Take(200)
                .ToListAsync(cancellationToken);
    }
}
