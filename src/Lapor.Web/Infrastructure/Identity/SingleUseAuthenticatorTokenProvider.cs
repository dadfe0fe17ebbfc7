using Lapor.Web.Data.Identity;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// Authenticator-app codes (RFC 6238: 30-second steps, one step of clock drift either way), each
/// accepted once: the step a code belongs to must be later than the last one this account used, so
/// a code seen over a shoulder or in a proxy log cannot sign in a second time within its 30 seconds
/// (ASVS 6.5.4, 4.0.3 2.8.4). Identity's own provider accepts a code as often as it likes.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<LaporUser>
{
    public const string Name = "SingleUseAuthenticator";

    private static readonly VerificationWindow OneStepOfDrift = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<LaporUser> manager, LaporUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the person's app, never from Lapor.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<LaporUser> manager, LaporUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<LaporUser> manager, LaporUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, OneStepOfDrift) || step <= (user.LastTotpTimeStep ?? long.MinValue))
        {
            return false;
        }

        // Saved with the account's concurrency stamp: of two sign-ins racing with one code, only one is saved.
        user.LastTotpTimeStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
