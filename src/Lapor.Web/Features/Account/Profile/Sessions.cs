using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>The person's signed-in browsers: ending one they no longer use or do not recognise, or all of them.</summary>
public static class Sessions
{
    public sealed class Handler(UserSessions sessions, UserManager<LaporUser> users, LaporDbContext db, TimeProvider clock)
    {
        /// <summary>Ends another of the person's sessions; false when it is not theirs (or is this one).</summary>
        public async Task<bool> EndOneAsync(LaporUser user, string? id, string? currentId, string address, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(id) || id == currentId || !await sessions.BelongsToAsync(user.Id, id))
            {
                return false;
            }

            // Already ended (from another tab, say): the person gets what they asked for all the same.
            await sessions.EndAsync(user.Id, id);
            await AuditAsync(user.Id, address, cancellationToken);
            return true;
        }

        /// <summary>Every session ends, this one included: every cookie issued before stops working.</summary>
        public async Task EndAllAsync(LaporUser user, string address, CancellationToken cancellationToken)
        {
            await sessions.EndAllAsync(user.Id);
            await users.UpdateSecurityStampAsync(user);
            await AuditAsync(user.Id, address, cancellationToken);
        }

        private async Task AuditAsync(string userId, string address, CancellationToken cancellationToken)
        {
            db.AuditEntries.Add(new AuditEntry(AuditAction.SessionsEnded, userId, "Account", userId, null, address, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
