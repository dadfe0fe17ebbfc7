using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Account.Notifications;

public static class MarkAllRead
{
    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
        public async Task MarkAsync(string userId, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await db.StaffNotifications.Where(n => n.UserId == userId && n.ReadAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        }
    }
}
