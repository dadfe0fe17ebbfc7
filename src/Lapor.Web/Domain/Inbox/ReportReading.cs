namespace Lapor.Web.Domain.Inbox;

/// <summary>
/// The version of a report a staff member last saw. A report is unread for them while its version is
/// newer: every change (a reply from the reporter, a new share, a colleague's answer) raises the version,
/// so nothing else needs to be stamped.
/// </summary>
public sealed class ReportReading
{
    private ReportReading() { }

    public ReportReading(string userId, long reportId, int version, DateTimeOffset at)
    {
        UserId = userId;
        ReportId = reportId;
        Version = version;
        ReadAt = at;
    }

    public string UserId { get; private set; } = "";
    public long ReportId { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset ReadAt { get; private set; }

    /// <summary>Only forward: a page opened in an older tab does not make newer news unread again.</summary>
    public void Saw(int version, DateTimeOffset at)
    {
        if (version > Version)
        {
            (Version, ReadAt) = (version, at);
        }
    }
}
