namespace Lapor.Web.Domain.Notifications;

public enum NotificationChannel
{
    Email,
    InApp,
    Sms,
    WhatsApp,
    Telegram,

    /// <summary>A signed POST to an API client's webhook; the recipient is the client's id.</summary>
    Webhook,
}

/// <summary>
/// A notification written in the same transaction as the change that causes it; a dispatcher sends
/// it later with retries, so an SMTP outage delays mail but never loses it.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(
        NotificationChannel channel, string template, string recipient, string culture, string payloadJson, long? reportId, DateTimeOffset now, bool heldForDigest = false)
    {
        Channel = channel;
        Template = template;
        Recipient = recipient;
        Culture = culture;
        PayloadJson = payloadJson;
        ReportId = reportId;
        CreatedAt = now;
        NextAttemptAt = now;
        HeldForDigest = heldForDigest;
    }

    public long Id { get; private set; }
    public NotificationChannel Channel { get; private set; }
    public string Template { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public string Culture { get; private set; } = "id";
    public string PayloadJson { get; private set; } = "{}";
    public long? ReportId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>
    /// A staff mail for someone who chose the daily digest: the dispatcher leaves it alone, and the
    /// digest job sends it with the others of the day in one mail, then marks it sent.
    /// </summary>
    public bool HeldForDigest { get; private set; }

    /// <summary>Set when delivery was given up after <see cref="MaxAttempts"/> tries; administrators see these.</summary>
    public DateTimeOffset? DeadLetteredAt { get; private set; }

    /// <summary>Which dispatcher instance holds the row, and until when (claims expire if it dies).</summary>
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public void MarkSent(DateTimeOffset now) => (SentAt, ClaimedBy, ClaimedUntil, LastError) = (now, null, null, null);

    /// <summary>An administrator sends a dead-lettered message again (after fixing the mail server, say).</summary>
    public void Requeue(DateTimeOffset now) => (DeadLetteredAt, Attempts, NextAttemptAt, ClaimedBy, ClaimedUntil) = (null, 0, now, null, null);

    /// <summary>Tries before a message is dead-lettered: with the backoff below, about two days.</summary>
    public const int MaxAttempts = 12;

    /// <summary>
    /// Exponential backoff: 1, 2, 4 … minutes, capped at six hours; dead-lettered after <see cref="MaxAttempts"/>,
    /// or at once when the failure is <paramref name="permanent"/> (a blocked bot, an invalid number: trying
    /// again cannot help, an administrator may still send it again). A provider's <paramref name="retryAfter"/>
    /// (HTTP 429) postpones the next try at least that long, up to six hours.
    /// The error is stored with addresses and numbers masked: a bounce quotes the recipient.
    /// </summary>
    public void MarkFailed(string error, DateTimeOffset now, bool permanent = false, TimeSpan? retryAfter = null)
    {
        Attempts++;
        var masked = ContactMask.Text(error, Recipient);
        LastError = masked.Length > 500 ? masked[..500] : masked;
        var backoff = TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Attempts - 1)));
        NextAttemptAt = now.Add(retryAfter is { } asked && asked > backoff ? TimeSpan.FromTicks(Math.Min(asked.Ticks, MaxRetryAfter.Ticks)) : backoff);
        (ClaimedBy, ClaimedUntil) = (null, null);
        if (permanent || Attempts >= MaxAttempts)
        {
            DeadLetteredAt = now;
        }
    }

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(6);

    /// <summary>What <see cref="LastError"/> says while a message waits for its channel to be connected.</summary>
    public const string ChannelNotConnected = "Channel not connected";

    /// <summary>True while the message waits for its channel (see <see cref="WaitForChannel"/>).</summary>
    public bool WaitsForChannel => SentAt is null && DeadLetteredAt is null && LastError == ChannelNotConnected;

    /// <summary>
    /// No sender is configured for this channel: the message is not sent, not counted as an attempt and
    /// never given up, but looked at again at <paramref name="retryAt"/>, so it leaves once the channel is
    /// connected. Administrators see it waiting in /admin/surat.
    /// </summary>
    public void WaitForChannel(DateTimeOffset retryAt) =>
        (LastError, NextAttemptAt, ClaimedBy, ClaimedUntil) = (ChannelNotConnected, retryAt, null, null);
}
