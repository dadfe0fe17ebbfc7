using System.Linq.Expressions;

namespace Lapor.Web.Domain.Reports;

/// <summary>
/// The one rule for what the public may see: verified reports that are not confidential. The report
/// keeps that answer in <see cref="Report.IsPublic"/> with every change, so lists filter on one
/// indexed column instead of leaving SQLite to choose between a status index and the date order.
/// </summary>
public static class PublicReport
{
    public static readonly Expression<Func<Report, bool>> IsVisible = r => r.IsPublic;
}
