namespace Lapor.Web.Domain.Reports;

/// <summary>
/// An incoming channel message that was taken without filing a report (a follow-up on an open report,
/// a status question): kept under the message's token so a gateway's resend is answered as the first
/// time, never added or replied to twice. A message that filed a report needs none: its report keeps the token.
/// </summary>
public sealed class ConversationReceipt
{
    private ConversationReceipt() { }

    public ConversationReceipt(Guid token, long? reportId, DateTimeOffset receivedAt)
    {
        Token = token;
        ReportId = reportId;
        ReceivedAt = receivedAt;
    }

    public Guid Token { get; private set; }

    /// <summary>The report the message went to; null for a status question.</summary>
    public long? ReportId { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}
