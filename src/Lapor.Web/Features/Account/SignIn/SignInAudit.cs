using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Lapor.Web.Features.Account.SignIn;

/// <summary>
/// The record of a finished sign-in attempt (password, or the second factor), audited by account id,
/// never by the typed e-mail (which may be someone else's).
/// </summary>
public sealed class SignInAudit(LaporDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(LaporUser? user, SignInResult result, string address, CancellationToken cancellationToken)
    {
        var action = result.Succeeded ? AuditAction.SignIn : result.IsLockedOut ? AuditAction.Lockout : AuditAction.SignInFailed;
        db.AuditEntries.Add(new AuditEntry(action, user?.Id, "Account", null, null, address, clock.GetUtcNow()));
        if (result.Succeeded)
        {
            user!.LastSignInAt = clock.GetUtcNow();

            // Account mail is written in the language the person signs in with (or last chose while signed in).
            user.PreferredCulture = Infrastructure.Localization.LaporLocalization.CurrentCulture;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
