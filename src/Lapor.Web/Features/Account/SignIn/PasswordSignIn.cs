using Lapor.Web.Data.Identity;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Lapor.Web.Features.Account.SignIn;

/// <summary>
/// The password step of signing in. Every answer is the same for an address without an account as
/// for an account with a wrong password: same message, same lock after the same number of tries,
/// and about the same time (a password is hashed in both cases).
/// </summary>
public sealed class PasswordSignIn(LaporSignInManager signIn, UserManager<LaporUser> users, SignInThrottle throttle)
{
    public async Task<(SignInResult Result, LaporUser? User)> SignInAsync(string email, string password, bool rememberMe, string address, string? code = null)
    {
        var verdict = await throttle.CheckAsync(email, address);
        if (verdict == SignInThrottle.Verdict.Locked)
        {
            return (SignInResult.LockedOut, null);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled || user.PasswordHash is null)
        {
            // No account, a disabled one, or an invitation never taken up: refused as slowly as a wrong password.
            signIn.CheckAgainstNobody(password);
            return await FailedAsync(email, address, verdict, user);
        }

        // An address not yet confirmed is answered like a wrong password: otherwise registering an address
        // and signing in with the password just chosen would tell whether it already had an account.
        if (!await users.CheckPasswordAsync(user, password) || !user.EmailConfirmed)
        {
            return await FailedAsync(email, address, verdict, user);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return (SignInResult.LockedOut, user);
        }

        if (verdict == SignInThrottle.Verdict.SecondFactorRequired)
        {
            return await WithCodeAsync(user, code, rememberMe, email, address);
        }

        var result = await signIn.SignInAfterPasswordCheckAsync(user, rememberMe);
        if (result.Succeeded)
        {
            await throttle.ClearAsync(email, address);
        }

        return (result, user);
    }

    /// <summary>
    /// Under attack from many addresses: the right password gets in only together with a valid
    /// authenticator code, and every other combination reads "locked", so guessing the password alone
    /// learns nothing. An account without an authenticator waits, or sets a new password by mail.
    /// </summary>
    private async Task<(SignInResult, LaporUser?)> WithCodeAsync(LaporUser user, string? code, bool rememberMe, string email, string address)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (!user.TwoFactorEnabled || digits.Length != 6
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            await throttle.RecordFailureAsync(email, address);
            return (SignInResult.LockedOut, user);
        }

        await signIn.SignInWithClaimsAsync(user, rememberMe, [new System.Security.Claims.Claim("amr", Infrastructure.Security.TwoFactorEnforcement.MultiFactorMethod)]);
        await throttle.ClearAsync(email, address);
        return (SignInResult.Success, user);
    }

    private async Task<(SignInResult, LaporUser?)> FailedAsync(string email, string address, SignInThrottle.Verdict verdict, LaporUser? user)
    {
        await throttle.RecordFailureAsync(email, address);

        // While the account is under attack from many addresses, every wrong password reads "locked", known address or not.
        return (verdict == SignInThrottle.Verdict.SecondFactorRequired ? SignInResult.LockedOut : SignInResult.Failed, user);
    }
}
