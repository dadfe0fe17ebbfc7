using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Lapor.Web.Features.Account;

/// <summary>
/// The password step of signing in. Every answer is the same for an address without an account as
/// for an account with a wrong password: same message, same lock after the same number of tries,
/// and about the same time (a password is hashed in both cases).
/// </summary>
public sealed class PasswordSignIn(LaporSignInManager signIn, UserManager<LaporUser> users, SignInThrottle throttle, LaporDbContext db, TimeProvider clock)
{
    public async Task<(SignInResult Result, LaporUser? User)> SignInAsync(string email, string password, bool rememberMe, string address)
    {
        var verdict = await throttle.CheckAsync(email, address);
        if (verdict == SignInThrottle.Verdict.Locked)
        {
            return (SignInResult.LockedOut, null);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled)
        {
            signIn.CheckAgainstNobody(password);
            return await FailedAsync(email, address, verdict, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            return await FailedAsync(email, address, verdict, user);
        }

        // Past this point the person knows the password: what follows tells them nothing new about the address.
        if (!user.EmailConfirmed)
        {
            AccountMail.Queue(db, user, AccountMail.ConfirmEmail, clock.GetUtcNow(), new Dictionary<string, string>
            {
                ["Link"] = AccountMail.Link("/Account/ConfirmEmail", user.Id, await users.GenerateEmailConfirmationTokenAsync(user)),
            });
            await db.SaveChangesAsync();
            return (SignInResult.NotAllowed, user);
        }

        if (await users.IsLockedOutAsync(user) || (verdict == SignInThrottle.Verdict.SecondFactorRequired && !user.TwoFactorEnabled))
        {
            return (SignInResult.LockedOut, user);
        }

        var result = await signIn.SignInAfterPasswordCheckAsync(user, rememberMe);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.ClearAsync(email, address);
        }

        return (result, user);
    }

    private async Task<(SignInResult, LaporUser?)> FailedAsync(string email, string address, SignInThrottle.Verdict verdict, LaporUser? user)
    {
        await throttle.RecordFailureAsync(email, address);

        // While the account is under attack from many addresses, every wrong password reads "locked", known address or not.
        return (verdict == SignInThrottle.Verdict.SecondFactorRequired ? SignInResult.LockedOut : SignInResult.Failed, user);
    }
}
