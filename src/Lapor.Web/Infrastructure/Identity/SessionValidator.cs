using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// Runs on every request that carries a sign-in cookie (in place of Identity's stamp validator):
/// the cookie's session must still be open and its security stamp current. Either check failing
/// signs the browser out, so a cookie copied before sign-out, a password change or a role change
/// is refused at once, on every instance (they share the database). The principal itself is kept,
/// not rebuilt from roles and claims (four more queries per page). The same statement reads the
/// account's unread notices for the navigation bar (<see cref="UnreadNotices"/>).
/// </summary>
public sealed class SessionValidator(UserSessions sessions, IOptions<IdentityOptions> identity) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var sessionId = principal is null ? null : UserSessions.IdOf(principal);
        var stamp = principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is not null && sessionId is not null && await sessions.CheckAsync(userId, sessionId, stamp) is { IsValid: true } check)
        {
            UnreadNotices.Remember(context.HttpContext, check.UnreadNotices);
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
