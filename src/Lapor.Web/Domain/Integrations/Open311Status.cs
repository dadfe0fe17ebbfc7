using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Domain.Integrations;

/// <summary>
/// A report's status in FixMyStreet's extended Open311 states (lowercase, as GeoReport writes
/// "open" and "closed"; FixMyStreet reads them case-insensitively, "_" as a space). Only states
/// that mean the same thing are used: an agency has the report ("action_scheduled"), is working
/// on it ("in_progress"), and an archive says why when the reason is one FixMyStreet names.
/// Completed is "closed", not "fixed": an answered aspiration or information request fixed nothing.
/// </summary>
public static class Open311Status
{
    public static string Of(ReportStatus status, ArchiveReason? archiveReason = null) => status switch
    {
        ReportStatus.Unverified or ReportStatus.OnHold => "open",
        ReportStatus.Dispositioned => "action_scheduled",
        ReportStatus.InProgress => "in_progress",
        ReportStatus.Completed => "closed",
        ReportStatus.Archived => archiveReason switch
        {
            ArchiveReason.Duplicate => "duplicate",
            ArchiveReason.NotPublicService => "not_councils_responsibility",
            _ => "closed",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Every status needs an Open311 state."),
    };
}
