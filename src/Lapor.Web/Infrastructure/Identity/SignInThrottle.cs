using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lapor.Web.Infrastructure.Security;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// Counts wrong passwords per typed e-mail address, both from one client address and from all of
/// them, in the shared cache (so every instance counts together). Unknown addresses are counted
/// exactly like accounts, so the answers never tell which e-mail addresses have an account.
/// A stranger can only lock their own address out of an account; the owner's network still gets in.
/// Once failures from many addresses pile up, a password alone is no longer enough: accounts with an
/// authenticator still get in with their code, others wait out the lock or reset their password.
/// </summary>
public sealed class SignInThrottle(IDistributedCache cache, IOptions<SecurityOptions> options, ILogger<SignInThrottle> logger)
{
    public enum Verdict
    {
        /// <summary>Check the password as usual.</summary>
        Open,

        /// <summary>Check the password, then sign in only with a second factor.</summary>
        SecondFactorRequired,

        /// <summary>Refuse without checking.</summary>
        Locked,
    }

    private SignInLockoutOptions Limits => options.Value.Lockout;

    public async Task<Verdict> CheckAsync(string email, string address)
    {
        if (await CountAsync(PairKey(email, address)) >= Limits.FailuresPerAddress)
        {
            return Verdict.Locked;
        }

        return await CountAsync(AccountKey(email)) >= Limits.FailuresPerAccount ? Verdict.SecondFactorRequired : Verdict.Open;
    }

    public async Task RecordFailureAsync(string email, string address)
    {
        await IncrementAsync(PairKey(email, address));
        await IncrementAsync(AccountKey(email));
    }

    /// <summary>
    /// After a successful sign-in, or a new password set from this address: the account's count and
    /// this address's count start again (other addresses' locks run out on their own).
    /// </summary>
    public async Task ClearAsync(string email, string address)
    {
        await ForgetAsync(AccountKey(email));
        await ForgetAsync(PairKey(email, address));
    }

    private static string PairKey(string email, string address) => $"signin-fail|{Hash(email)}|{address}";

    private static string AccountKey(string email) => $"signin-fail|{Hash(email)}";

    /// <summary>
    /// Keys carry a hash of the normalised address (NFKC, so full-width lookalikes that a database collation
    /// may match to the same account count together), never the address itself.
    /// </summary>
    private static string Hash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant())))[..32];

    private async Task<int> CountAsync(string key)
    {
        try
        {
            var value = await cache.GetStringAsync(key);
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The per-address rate limit still holds while the shared cache is down.
            logger.LogWarning(error, "Sign-in failure counts unavailable");
            return 0;
        }
    }

    private async Task IncrementAsync(string key)
    {
        try
        {
            // Not atomic: two instances racing may each count one failure as the same number. The limit then holds one try later.
            var count = await CountAsync(key) + 1;
            await cache.SetStringAsync(key, count.ToString(CultureInfo.InvariantCulture), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Limits.Duration });
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not count a sign-in failure");
        }
    }

    private async Task ForgetAsync(string key)
    {
        try
        {
            await cache.RemoveAsync(key);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not clear sign-in failure counts");
        }
    }
}
