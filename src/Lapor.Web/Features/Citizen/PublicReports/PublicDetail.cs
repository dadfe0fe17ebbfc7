using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Citizen.Tracking;
using Lapor.Web.Features.Shared.Maps;
using Lapor.Web.Features.Shared.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.PublicReports;

/// <summary>/laporan/{n}: a public report with its text, status, agencies, public timeline and official answers.</summary>
public static class PublicDetail
{
    public sealed record View(Track.View Public, string Text, string? Category, int SupportCount, bool SupportedByMe)
    {
        /// <summary>Rounded to about 100 m here, so the exact point never reaches the page; none for an anonymous report.</summary>
        public MapPoint? Point { get; init; }
    }

    public sealed class Handler(LaporDbContext db, Track.Handler track)
    {
        public async Task<View?> HandleAsync(string trackingNumber, string? userId, CancellationToken cancellationToken)
        {
            var report = await db.Reports.AsNoTracking().Where(PublicReport.IsVisible).Where(r => r.TrackingNumber == trackingNumber)
                .Select(r => new
                {
                    r.Id,
                    Text = r.PublicSummary ?? r.Body,
                    r.SupportCount,
                    r.Latitude,
                    r.Longitude,
                    r.IsAnonymous,
                    Category = db.Categories.Where(c => c.Id == r.CategoryId).Select(c => c.Name).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (report is null)
            {
                return null;
            }

            // The public part only: even the reporter sees here what everybody sees.
            var view = await track.HandleAsync(trackingNumber, null, false, cancellationToken);
            var mine = userId is not null && await db.ReportSupports.AnyAsync(s => s.ReportId == report.Id && s.UserId == userId, cancellationToken);
            return view is null ? null : new View(view, report.Text, report.Category, report.SupportCount, mine)
            {
                Point = MapPoint.Public(report.Latitude, report.Longitude, report.IsAnonymous),
            };
        }
    }
}

/// <summary>"Dukung": a signed-in citizen supports a public report, once (a unique row per account holds a double click to one).</summary>
public static class Support
{
    public sealed class Handler(LaporDbContext db, ReportWork work)
    {
        public Task<WorkResult> HandleAsync(string trackingNumber, string userId, CancellationToken cancellationToken) =>
            work.RunAsync(reports => reports.Where(PublicReport.IsVisible).Where(r => r.TrackingNumber == trackingNumber), null, async s =>
            {
                if (await db.ReportSupports.AnyAsync(r => r.ReportId == s.Report.Id && r.UserId == userId, cancellationToken))
                {
                    throw new DomainException("Support.AlreadyCounted");
                }

                db.ReportSupports.Add(new ReportSupport(s.Report.Id, userId, s.Now));
                s.Report.Support(new Actor(userId, ActorRole.Citizen), s.Now);
            }, cancellationToken);
    }
}
