using System.Security.Claims;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in, with a server-side session behind every cookie: each sign-in opens a new
/// <see cref="UserSession"/> row (a new session id, ASVS 7.2.4) and closes the one this browser had.
/// </summary>
public sealed class LaporSignInManager(
    UserManager<LaporUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<LaporUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<LaporUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<LaporUser> confirmation, UserSessions sessions)
    : SignInManager<LaporUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(LaporUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // Signing in over another session in this browser (a shared computer) ends that one first.
        await EndThisBrowsersSessionAsync();
        var sessionId = await sessions.StartAsync(user.Id, Context);
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims.Where(c => c.Type != UserSessions.ClaimType), new Claim(UserSessions.ClaimType, sessionId)]);
    }

    /// <summary>
    /// After the caller checked the password itself (see the sign-in handler): signs in, or asks for the
    /// second factor when the account has one.
    /// </summary>
    public Task<SignInResult> SignInAfterPasswordCheckAsync(LaporUser user, bool isPersistent) => SignInOrTwoFactorAsync(user, isPersistent);

    /// <summary>
    /// Hashes the typed password against a fixed hash, so that an unknown or disabled address takes as
    /// long to refuse as a real account with a wrong password (no timing hint about who has an account).
    /// </summary>
    public void CheckAgainstNobody(string password) => UserManager.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);

    private static readonly LaporUser Nobody = new() { Id = "nobody" };

    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<LaporUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    /// <summary>Signs this browser out and closes its session row, so a copy of the cookie stops working too.</summary>
    public override async Task SignOutAsync()
    {
        await EndThisBrowsersSessionAsync();
        await base.SignOutAsync();
    }

    private async Task EndThisBrowsersSessionAsync()
    {
        if (UserManager.GetUserId(Context.User) is { } userId && UserSessions.IdOf(Context.User) is { } sessionId)
        {
            await sessions.EndAsync(userId, sessionId);
        }
    }
}
