namespace Lapor.Web.Domain.Reports;

/// <summary>A citizen's "dukung" (support) for a public report: one per account and report.</summary>
public sealed class ReportSupport
{
    private ReportSupport() { }

    public ReportSupport(long reportId, string userId, DateTimeOffset createdAt)
    {
        ReportId = reportId;
        UserId = userId;
        CreatedAt = createdAt;
    }

    public long ReportId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
