namespace Lapor.Web.Domain.Reports;

/// <summary>One tag on one report: staff-only, never shown to the reporter or the public.</summary>
public sealed class ReportTag
{
    private ReportTag() { }

    internal ReportTag(int tagId, DateTimeOffset at)
    {
        TagId = tagId;
        AttachedAt = at;
    }

    public long ReportId { get; private set; }
    public int TagId { get; private set; }
    public DateTimeOffset AttachedAt { get; private set; }
}
