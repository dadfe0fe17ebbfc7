using System.Security.Claims;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>How a staff member takes report mail: one by one (<paramref name="Digest"/> false) or in one digest a day at <paramref name="DigestTime"/>.</summary>
public sealed record MailChoice(bool Digest, TimeOnly DigestTime)
{
    /// <summary>
    /// Coordinators and agency heads hear of many reports and may choose the digest (DESIGN §7);
    /// officers answer each new disposition, so theirs come at once. Whoever has it on may turn it off.
    /// </summary>
    public static bool IsOffered(ClaimsPrincipal principal, LaporUser user) =>
        user.MailDigest || principal.IsInRole(Roles.Coordinator) || principal.IsInRole(Roles.AgencyHead);
}
