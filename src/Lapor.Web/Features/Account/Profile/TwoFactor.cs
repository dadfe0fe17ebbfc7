using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>The second factor of "Akun Saya": setting up an authenticator app, new recovery codes, switching it off.</summary>
public static class TwoFactor
{
    private const int RecoveryCodeCount = 10;

    public sealed class Handler(UserManager<LaporUser> users, IUserStore<LaporUser> userStore, LaporDbContext db, TimeProvider clock)
    {
        /// <summary>The key (made now if the user has none yet) and its QR code, for the set-up page.</summary>
        public async Task<AuthenticatorView> SetupAsync(LaporUser user, string? code, bool required, CancellationToken cancellationToken)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                if (!await TryMakeKeyAsync(user, cancellationToken))
                {
                    // Another request of this user (a second tab, a double click) made the key first: show that one.
                    db.ChangeTracker.Clear();
                    user = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("The account went away while setting up its key.");
                }

                key = await users.GetAuthenticatorKeyAsync(user);
            }

            return new AuthenticatorView(
                key!, TwoFactorKey.QrCodeDataUri(user.Email ?? user.Id, key!), TwoFactorKey.OtpAuthUri(user.Email ?? user.Id, key!), code,
                required && !user.TwoFactorEnabled);
        }

        /// <summary>Switches the second factor on if the app's code is right; returns the first recovery codes, or null for a wrong code.</summary>
        public async Task<RecoveryCodesView?> EnableAsync(LaporUser user, string? code, string address, CancellationToken cancellationToken)
        {
            var cleaned = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
            {
                return null;
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
            AccountMail.Queue(db, user, AccountMail.TwoFactorChanged, clock.GetUtcNow());
            await AuditAsync(AuditAction.TwoFactorEnabled, user.Id, address, cancellationToken);
            return new RecoveryCodesView(user.Email ?? "", clock.GetUtcNow(), [.. recoveryCodes!]);
        }

        /// <summary>New recovery codes: the printed ones stop working.</summary>
        public async Task<RecoveryCodesView> NewRecoveryCodesAsync(LaporUser user, string address, CancellationToken cancellationToken)
        {
            var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
            await AuditAsync(AuditAction.TwoFactorEnabled, user.Id, address, cancellationToken);
            return new RecoveryCodesView(user.Email ?? "", clock.GetUtcNow(), [.. recoveryCodes!]);
        }

        /// <summary>Switches the second factor off and forgets the key; the owner is told by mail.</summary>
        public async Task DisableAsync(LaporUser user, string address, CancellationToken cancellationToken)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            AccountMail.Queue(db, user, AccountMail.TwoFactorChanged, clock.GetUtcNow());
            await AuditAsync(AuditAction.TwoFactorDisabled, user.Id, address, cancellationToken);
        }

        private async Task<bool> TryMakeKeyAsync(LaporUser user, CancellationToken cancellationToken)
        {
            try
            {
                // Not ResetAuthenticatorKeyAsync: that renews the security stamp, so merely opening this page would
                // sign the person out everywhere else. A key that is not switched on yet protects nothing;
                // switching it on renews the stamp (and ends the other sessions) in EnableAsync.
                await ((IUserAuthenticatorKeyStore<LaporUser>)userStore).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), cancellationToken);
                return (await users.UpdateAsync(user)).Succeeded;
            }
            catch (DbUpdateException)
            {
                // The key row is unique per user: the other request's insert won.
                return false;
            }
        }

        private async Task AuditAsync(AuditAction action, string userId, string address, CancellationToken cancellationToken)
        {
            db.AuditEntries.Add(new AuditEntry(action, userId, "Account", userId, null, address, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

public sealed record AuthenticatorView(string Key, string QrCodeDataUri, string OtpAuthUri, string? Code, bool Required)
{
    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    public string FormattedKey => string.Join(' ', Key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}

/// <summary>Recovery codes as shown once, with whose they are and when they were made (for the printout and the file).</summary>
public sealed record RecoveryCodesView(string Account, DateTimeOffset MadeAt, IReadOnlyList<string> Codes);
