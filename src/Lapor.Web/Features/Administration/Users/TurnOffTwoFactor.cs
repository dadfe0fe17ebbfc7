using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>
/// Turning the person's second factor off (a lost phone without recovery codes): they set it up again at
/// their next sign-in when their role requires it. Their sessions end; they are told by mail.
/// </summary>
public static class TurnOffTwoFactor
{
    public sealed class Handler(LaporDbContext db, UserManager<LaporUser> users, UserSessions sessions, TimeProvider clock)
    {
        /// <summary>False for an unknown account.</summary>
        public async Task<bool> HandleAsync(string id, string adminId, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
            {
                return false;
            }

            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            await sessions.EndAllAsync(user.Id);
            AccountMail.Queue(db, user, AccountMail.TwoFactorReset, clock.GetUtcNow());
            db.AuditEntries.Add(new AuditEntry(AuditAction.TwoFactorReset, adminId, "User", user.Id, null, null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
