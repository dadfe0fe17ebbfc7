using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>
/// A password typed again on the account page counts like one typed at sign-in: wrong ones are counted
/// and lock this address out of the account, so a borrowed session cannot be used to guess it.
/// </summary>
public static class PasswordCheck
{
    /// <param name="Matches">The password is right (and the address not locked out).</param>
    /// <param name="FailureRecorded">A wrong password was counted and audited (a security event to log).</param>
    /// <param name="Locked">The address is locked out of the account now.</param>
    public sealed record Verdict(bool Matches, bool FailureRecorded, bool Locked);

    public sealed class Handler(UserManager<LaporUser> users, SignInThrottle throttle, LaporDbContext db, TimeProvider clock)
    {
        public async Task<Verdict> CheckAsync(LaporUser user, string? password, string address)
        {
            if (string.IsNullOrEmpty(password) || await throttle.CheckAsync(user.Email!, address) == SignInThrottle.Verdict.Locked)
            {
                return new Verdict(false, false, await IsLockedAsync(user, address));
            }

            if (await users.CheckPasswordAsync(user, password))
            {
                return new Verdict(true, false, false);
            }

            await throttle.RecordFailureAsync(user.Email!, address);
            db.AuditEntries.Add(new AuditEntry(AuditAction.SignInFailed, user.Id, "Account", user.Id, "password re-typed", address, clock.GetUtcNow()));
            await db.SaveChangesAsync();
            return new Verdict(false, true, await IsLockedAsync(user, address));
        }

        private async Task<bool> IsLockedAsync(LaporUser user, string address) =>
            await throttle.CheckAsync(user.Email!, address) == SignInThrottle.Verdict.Locked;
    }
}
