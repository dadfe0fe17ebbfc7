using System.Security.Claims;
using Lapor.Web.Domain.Accounts;

namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>What the signed-in staff member's roles allow, read once per request.</summary>
public sealed record StaffRoles(bool IsOfficer, bool IsAgencyHead, bool IsCoordinator, bool IsOversight)
{
    /// <summary>Officers and heads need a named reporter's contact to do their work; oversight does not.</summary>
    public bool SeesNamedReporters => IsOfficer || IsAgencyHead || IsCoordinator;

    public static StaffRoles Of(ClaimsPrincipal user) =>
        new(user.IsInRole(Roles.Officer), user.IsInRole(Roles.AgencyHead), user.IsInRole(Roles.Coordinator), user.IsInRole(Roles.Oversight));
}
