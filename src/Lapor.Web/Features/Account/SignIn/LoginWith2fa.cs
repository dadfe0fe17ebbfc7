using Lapor.Web.Data.Identity;
using Lapor.Web.Infrastructure.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Lapor.Web.Features.Account.SignIn;

/// <summary>The second step of sign-in: a code from the authenticator app, or a one-time recovery code.</summary>
public static class LoginWith2fa
{
    public sealed class Form
    {
        public string? Code { get; set; }
        public bool RememberMe { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class Handler(LaporSignInManager signIn, SignInThrottle throttle, SignInAudit audit)
    {
        public async Task<SignInResult> SignInAsync(LaporUser user, Form form, string address, CancellationToken cancellationToken)
        {
            var code = new string((form.Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
            var result = code.Length == 0 ? SignInResult.Failed
                : code.Length == 6 && code.All(char.IsAsciiDigit) ? await signIn.TwoFactorAuthenticatorSignInAsync(code, form.RememberMe, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(code));
            await audit.RecordAsync(user, result, address, cancellationToken);
            if (result.Succeeded)
            {
                // Only a completed sign-in clears the failure counts; a right password alone does not.
                await throttle.ClearAsync(user.Email!, address);
            }

            return result;
        }
    }

    /// <summary>
    /// Recovery codes are typed from a printout, often on a phone keyboard: "43r8j 5xy3p" and
    /// "43R8J5XY3P" mean "43R8J-5XY3P", the form Identity stores.
    /// </summary>
    internal static string RecoveryCode(string typed)
    {
        var plain = new string([.. typed.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : typed;
    }
}
