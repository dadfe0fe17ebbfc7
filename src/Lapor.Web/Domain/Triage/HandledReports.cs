using System.Linq.Expressions;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Domain.Triage;

/// <summary>
/// Which reports an agency kept, read in a query: the one definition the classifier's training examples and
/// the administrator's count of them share. A share that was returned ("not our authority"), forwarded to
/// another agency or withdrawn by the coordinator did not keep its report; after forwards, the last agency's did.
/// </summary>
public static class HandledReports
{
    /// <summary>A share that kept its report: the classifier learns that share's agency as the report's.</summary>
    public static readonly Expression<Func<Assignment, bool>> KeptShare =
        a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn;

    /// <summary>A report some agency kept: one the classifier can learn from.</summary>
    public static readonly Expression<Func<Report, bool>> Kept = r => r.Assignments.AsQueryable().Any(KeptShare);
}
