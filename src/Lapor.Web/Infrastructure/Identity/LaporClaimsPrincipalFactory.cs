using System.Globalization;
using System.Security.Claims;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// Adds the user's agency memberships to the sign-in cookie, so building a staff member's report
/// scope needs no query per request. A membership change updates the security stamp, which ends
/// the session at once; the next sign-in carries the new memberships.
/// </summary>
public sealed class LaporClaimsPrincipalFactory(
    UserManager<LaporUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, LaporDbContext db)
    : UserClaimsPrincipalFactory<LaporUser, IdentityRole>(users, roles, options)
{
    /// <summary>The agency ids, comma-separated; present (maybe empty) on every cookie issued since memberships moved into it.</summary>
    public const string AgenciesClaim = "lapor:agencies";

    public static IReadOnlyList<int>? AgenciesOf(ClaimsPrincipal principal) =>
        principal.FindFirst(AgenciesClaim)?.Value is { } value
            ? [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))]
            : null;

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LaporUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var agencies = await db.AgencyMemberships.AsNoTracking().Where(m => m.UserId == user.Id).Select(m => m.AgencyId).OrderBy(id => id).ToListAsync();
        identity.AddClaim(new Claim(AgenciesClaim, string.Join(',', agencies.Select(id => id.ToString(CultureInfo.InvariantCulture)))));
        return identity;
    }
}
