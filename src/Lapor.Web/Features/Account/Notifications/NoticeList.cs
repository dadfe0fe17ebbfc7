using System.Globalization;
using System.Text.Json;
using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Account.Notifications;

/// <summary>/notifikasi: a staff member's in-app notices, newest first (the last hundred).</summary>
public static class NoticeList
{
    public sealed record Item(long Id, string Text, DateTimeOffset CreatedAt, bool Unread);

    public sealed class Handler(LaporDbContext db, MailTemplates templates)
    {
        public async Task<List<Item>> ListAsync(string userId, CancellationToken cancellationToken)
        {
            var notices = await db.StaffNotifications.AsNoTracking().Where(n => n.UserId == userId)
                .OrderByDescending(n => n.Id).Take(100)
                .Select(n => new { n.Id, n.Template, n.TrackingNumber, n.PayloadJson, n.CreatedAt, Unread = n.ReadAt == null })
                .ToListAsync(cancellationToken);

            // Worded like the mail's subject in the reader's language; older notices carry only the tracking number.
            var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return [.. notices.Select(n => new Item(n.Id, templates.Subject(n.Template, culture,
                n.PayloadJson is "{}" or "" ? JsonSerializer.Serialize(new Dictionary<string, string> { ["TrackingNumber"] = n.TrackingNumber }) : n.PayloadJson),
                n.CreatedAt, n.Unread))];
        }
    }
}
