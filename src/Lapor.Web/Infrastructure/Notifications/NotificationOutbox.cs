using System.Text.Json;
using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>
/// The one way a notification about a report is queued. It only adds rows to the context: the
/// caller saves them with the change they announce, in the same transaction. Payload values are
/// plain text, resource keys under names ending in "Key", and dates under names ending in "On"
/// written with <see cref="MailTemplates.Date"/> (see <see cref="MailTemplates"/>).
/// </summary>
public sealed class NotificationOutbox(LaporDbContext db)
{
    /// <summary>
    /// A staff member: the mail (held for the daily digest when they chose it) and, for an account,
    /// the in-app notice, which is never held. The payload always carries the tracking number.
    /// </summary>
    public void ToStaff(
        Recipients.Person person, string template, IReadOnlyDictionary<string, string> payload, long reportId, string trackingNumber, DateTimeOffset now)
    {
        var values = JsonSerializer.Serialize(new Dictionary<string, string>(payload) { ["TrackingNumber"] = trackingNumber });
        db.OutboxMessages.Add(new OutboxMessage(NotificationChannel.Email, template, person.Email, person.Culture, values, reportId, now, heldForDigest: person.Digest));
        if (person.UserId is { } userId)
        {
            db.StaffNotifications.Add(new StaffNotification(userId, template, reportId, trackingNumber, now, values));
        }
    }

    /// <summary>A reporter, on the channel they filed through (an e-mail address, a phone number or a chat id): one row, sent at once.</summary>
    public void ToReporter(
        NotificationChannel channel, string recipient, string culture, string template, IReadOnlyDictionary<string, string> payload, long? reportId, DateTimeOffset now) =>
        db.OutboxMessages.Add(new OutboxMessage(channel, template, recipient, culture, JsonSerializer.Serialize(payload), reportId, now));

    /// <summary>The template name of webhook deliveries (their recipient is the API client's id).</summary>
    public const string WebhookTemplate = "Webhook";

    /// <summary>An API client's webhook: the JSON body as it will be POSTed and signed, sent at once.</summary>
    public void ToWebhook(int apiClientId, string bodyJson, long? reportId, DateTimeOffset now) =>
        db.OutboxMessages.Add(new OutboxMessage(
            NotificationChannel.Webhook, WebhookTemplate, apiClientId.ToString(System.Globalization.CultureInfo.InvariantCulture), "id", bodyJson, reportId, now));
}
