using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>
/// The administrator acts on a report of a lost or stolen password: the person gets a link to choose a
/// new one (an hour, once) and their sessions end at once.
/// </summary>
public static class SendResetLink
{
    public sealed class Handler(LaporDbContext db, UserManager<LaporUser> users, UserSessions sessions, TimeProvider clock)
    {
        /// <summary>False for an unknown or disabled account.</summary>
        public async Task<bool> HandleAsync(string id, string adminId, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null || user.IsDisabled)
            {
                return false;
            }

            // The old password stops working now (it may be the stolen one); a random hash, not none, so the
            // account is not taken for one that was never set up. Then the stamp changes: the link's token is
            // bound to the new one, every old cookie to the old one.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            await users.UpdateSecurityStampAsync(user); // saves the hash with the new stamp
            await sessions.EndAllAsync(user.Id);
            AccountMail.Queue(db, user, AccountMail.PasswordResetByAdministrator, clock.GetUtcNow(), new Dictionary<string, string>
            {
                ["Link"] = AccountMail.Link("/Account/ResetPassword", user.Id, await users.GeneratePasswordResetTokenAsync(user)),
            });
            db.AuditEntries.Add(new AuditEntry(AuditAction.PasswordResetSent, adminId, "User", user.Id, null, null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
