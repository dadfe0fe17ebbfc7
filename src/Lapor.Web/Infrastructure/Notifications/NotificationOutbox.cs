using System.Text.Json;
using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>Writes messages into the outbox (and in-app notices for staff); the caller's save sends them on their way.</summary>
public sealed class NotificationOutbox(LaporDbContext db)
{
    public void ToStaff(Recipients.Person person, string template, IReadOnlyDictionary<string, string> payload, long reportId, string trackingNumber, DateTimeOffset now)
    {
        db.OutboxMessages.Add(new OutboxMessage(NotificationChannel.Email, template, person.Email, person.Culture, JsonSerializer.Serialize(payload), reportId, now));
        if (person.UserId is { } userId)
        {
            db.StaffNotifications.Add(new StaffNotification(userId, template, reportId, trackingNumber, now));
        }
    }

    public void ToReporter(NotificationChannel channel, string recipient, string culture, string template, IReadOnlyDictionary<string, string> payload, long? reportId, DateTimeOffset now) =>
        db.OutboxMessages.Add(new OutboxMessage(channel, template, recipient, culture, JsonSerializer.Serialize(payload), reportId, now));
}
