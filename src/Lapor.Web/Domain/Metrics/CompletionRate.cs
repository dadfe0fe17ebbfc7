using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Domain.Metrics;

/// <summary>
/// Tingkat penyelesaian: completed reports over reports that reached an agency. Unverified, on-hold
/// and archived reports never reached one, so they are left out of the denominator (DESIGN §8).
/// </summary>
public static class CompletionRate
{
    /// <summary>A share from 0 to 1, or null when nothing has been dispositioned yet.</summary>
    public static decimal? Of(IReadOnlyDictionary<ReportStatus, int> countsByStatus)
    {
        var completed = countsByStatus.GetValueOrDefault(ReportStatus.Completed);
        var dispositioned = completed + countsByStatus.GetValueOrDefault(ReportStatus.Dispositioned) + countsByStatus.GetValueOrDefault(ReportStatus.InProgress);
        return Rates.Share(completed, dispositioned);
    }
}
