using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// Checks the security stamp on every request (one query: the account row) but keeps the signed-in
/// principal instead of rebuilding it from roles and claims (four more queries per page). Every
/// change that matters (roles, disabling, password, second factor) updates the stamp, and a changed
/// stamp still signs the session out.
/// </summary>
public sealed class StampOnlySecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<LaporUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<LaporUser>(options, signInManager, logger)
{
    protected override Task SecurityStampVerified(LaporUser user, CookieValidatePrincipalContext context) => Task.CompletedTask;
}
