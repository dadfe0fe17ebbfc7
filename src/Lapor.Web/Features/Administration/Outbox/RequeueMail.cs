using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Outbox;

/// <summary>An unsent message is tried again from now on, its attempts counted afresh.</summary>
public static class RequeueMail
{
    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
        /// <summary>False when no unsent message has this id.</summary>
        public async Task<bool> HandleAsync(long id, CancellationToken cancellationToken)
        {
            var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.SentAt == null, cancellationToken);
            if (message is null)
            {
                return false;
            }

            message.Requeue(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
