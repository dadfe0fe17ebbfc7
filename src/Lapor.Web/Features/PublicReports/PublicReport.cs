using System.Linq.Expressions;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Features.PublicReports;

/// <summary>The one rule for what the public may see: verified reports that are not confidential.</summary>
public static class PublicReport
{
    public static readonly Expression<Func<Report, bool>> IsVisible = r =>
        !r.IsConfidential && (r.Status == ReportStatus.Dispositioned || r.Status == ReportStatus.InProgress || r.Status == ReportStatus.Completed);
}
