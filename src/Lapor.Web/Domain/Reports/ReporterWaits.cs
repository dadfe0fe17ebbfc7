using System.Linq.Expressions;

namespace Lapor.Web.Domain.Reports;

/// <summary>
/// Whether a report waits for its reporter, read in a query without loading the report: the one definition the
/// channel's CEK, STATUS and PUAS/BELUM PUAS share.
/// </summary>
public static class ReporterWaits
{
    /// <summary>
    /// For an answer: the coordinator's hold, or an agency's question (<see cref="Report.AwaitsReporterAnswer"/>) while the
    /// agencies work on the report — a question left on a closed report waits for nothing.
    /// </summary>
    public static readonly Expression<Func<Report, bool>> ForAnswer = r => r.Status == ReportStatus.OnHold
        || ((r.Status == ReportStatus.Dispositioned || r.Status == ReportStatus.InProgress) && r.Assignments.Any(a => a.State == AssignmentState.AwaitingReporter));

    /// <summary>For PUAS or BELUM PUAS on a final response: <see cref="Report.AwaitsReporterVerdict"/>.</summary>
    public static readonly Expression<Func<Report, bool>> ForVerdict =
        r => r.Status == ReportStatus.InProgress && r.Assignments.Any(a => a.State == AssignmentState.FinalResponded);
}
