using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Account.Notifications;

/// <summary>Opening a notice marks it read and leads to its report, if it has one.</summary>
public static class OpenNotice
{
    /// <summary>The report the notice is about, or none (<paramref name="TrackingNumber"/> null).</summary>
    public sealed record Opened(string? TrackingNumber);

    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
        /// <summary>Null when the notice is not the user's own (or does not exist).</summary>
        public async Task<Opened?> OpenAsync(long id, string userId, CancellationToken cancellationToken)
        {
            var notice = await db.StaffNotifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
            if (notice is null)
            {
                return null;
            }

            notice.MarkRead(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return new Opened(notice.ReportId is null ? null : notice.TrackingNumber);
        }
    }
}
