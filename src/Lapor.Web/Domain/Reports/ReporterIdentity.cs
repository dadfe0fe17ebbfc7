namespace Lapor.Web.Domain.Reports;

/// <summary>
/// Who filed a report: kept in its own table, away from the report, so that no officer-facing
/// query can select it by accident. Only the reporter and coordinators (audited) read it.
/// </summary>
public sealed class ReporterIdentity
{
    private ReporterIdentity() { }

    public ReporterIdentity(Report report, string? fullName, string? email, string? phone, string? culture = null)
    {
        Culture = Clean(culture);
        Report = report;
        FullName = Clean(fullName);
        Email = Clean(email);
        Phone = Clean(phone);
    }

    public long ReportId { get; private set; }
    public Report? Report { get; private set; }
    public string? FullName { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }

    /// <summary>
    /// Where the reporter is answered when the report came by a chat or SMS channel: the channel and
    /// the number or chat id. Without it the reporter is answered by e-mail, when they gave one.
    /// </summary>
    public Notifications.NotificationChannel? ReplyChannel { get; private set; }

    public string? ReplyTo { get; private set; }

    /// <summary>The language the report was filed in ("id", "en"): the reporter is answered in it.</summary>
    public string? Culture { get; private set; }

    public void AnswerOn(Notifications.NotificationChannel channel, string address) => (ReplyChannel, ReplyTo) = (channel, Clean(address));

    /// <summary>UU PDP erasure: the report stays, the person is gone.</summary>
    public void Erase() => (FullName, Email, Phone, ReplyChannel, ReplyTo) = (null, null, null, null, null);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
