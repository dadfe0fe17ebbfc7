using Lapor.Web.Domain.Notifications;

namespace Lapor.Web.Domain.Reports;

/// <summary>
/// A report a village or sub-district operator filed for a resident who came in person: which operator,
/// at which service point (as it was named that day, for the receipt and its re-prints), and the resident's
/// consent — the words the operator confirmed, by whom and when. One per report, stored in the report's save.
/// </summary>
public sealed class OperatorFiling
{
    public const int MaxServicePointLength = 150;

    public const int MaxConsentLength = 1000;

    private OperatorFiling() { }

    public OperatorFiling(Report report, string operatorUserId, string servicePoint, string consentWording, DateTimeOffset consentRecordedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(servicePoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(consentWording);
        Report = report;
        OperatorUserId = operatorUserId;
        ServicePoint = Trim(servicePoint.Trim(), MaxServicePointLength);
        ConsentWording = Trim(consentWording.Trim(), MaxConsentLength);
        ConsentRecordedAt = consentRecordedAt;
    }

    public long ReportId { get; private set; }
    public Report? Report { get; private set; }

    /// <summary>The operator who filed it and who alone follows it (besides the resident with the access code).</summary>
    public string OperatorUserId { get; private set; } = "";

    public string ServicePoint { get; private set; } = "";

    /// <summary>The consent statement as the operator's form showed it, in the language it was shown in.</summary>
    public string ConsentWording { get; private set; } = "";

    public DateTimeOffset ConsentRecordedAt { get; private set; }

    /// <summary>
    /// Where the resident hears of the report: the e-mail address when they gave one (the ordinary reporter's
    /// mail, with its signed link); otherwise by SMS at a phone number they gave, as if they had reported by
    /// SMS (every SMS carries the link, so the access code is never sent); otherwise nowhere — they follow
    /// with the slip. Null means "the ordinary rule": e-mail when there is one.
    /// </summary>
    public static (NotificationChannel Channel, string Address)? NoticesBySms(string? email, string? phone) =>
        string.IsNullOrWhiteSpace(email) && PhoneNumber.Canonical(phone) is { } number ? (NotificationChannel.Sms, number) : null;

    private static string Trim(string value, int max) => value.Length <= max ? value : value[..max];
}
