using System.Security.Claims;
using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Authorization;

/// <summary>
/// The one rule deciding which reports a signed-in user may see. Officers and agency heads see
/// reports routed (now or before) to one of their agencies; coordinators and oversight see every
/// report touching their agency subtree, including unrouted reports aimed there or at no one
/// (No Wrong Door: nothing falls outside every queue); citizens see their own, and staff what they entered.
/// </summary>
public sealed class ReportScope
{
    private readonly int[] _assignedAgencies;
    private readonly int[] _subtree;
    private readonly string _userId;
    private readonly bool _everyAgency;

    private ReportScope(string userId, int[] assignedAgencies, int[] subtree, bool everyAgency)
    {
        _userId = userId;
        _assignedAgencies = assignedAgencies;
        _subtree = subtree;
        _everyAgency = everyAgency;
    }

    public string UserId => _userId;

    /// <summary>Agencies whose inbox this user works (officer) or reads (agency head).</summary>
    public IReadOnlyList<int> AssignedAgencies => _assignedAgencies;

    /// <summary>Whether this user sees every report (a coordinator or overseer of the whole tree): figures need no narrowing.</summary>
    public bool SeesEveryReport => _everyAgency;

    /// <summary>Agencies a coordinator or overseer watches.</summary>
    public IReadOnlyList<int> Subtree => _subtree;

    public static async Task<ReportScope> ForAsync(ClaimsPrincipal user, LaporDbContext db, AgencyTree tree, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Scope needs a signed-in user.");
        // From the sign-in cookie; a cookie issued before memberships moved into it falls back to the database.
        var memberships = LaporClaimsPrincipalFactory.AgenciesOf(user)
            ?? await db.AgencyMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.AgencyId).ToListAsync(cancellationToken);
        var assigned = user.IsInRole(Roles.Officer) || user.IsInRole(Roles.AgencyHead) ? memberships.ToArray() : [];
        var subtree = user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Oversight)
            ? [.. await tree.SubtreeOfAsync(memberships, cancellationToken)]
            : Array.Empty<int>();
        var everyAgency = subtree.Length > 0 && subtree.Length == await tree.CountAsync(cancellationToken);
        return new ReportScope(userId, assigned, subtree, everyAgency);
    }

    /// <summary>Narrows a report query to what this user may see.</summary>
    public IQueryable<Report> Apply(IQueryable<Report> reports)
    {
        // A coordinator over the whole tree sees every report: any agency a report names is in the
        // subtree, and reports naming none are everyone's. Skipping the test lets indexes work.
        if (_everyAgency)
        {
            return reports;
        }

        var assigned = _assignedAgencies;
        var subtree = _subtree;
        var userId = _userId;
        return reports.Where(r =>
            r.ReporterUserId == userId
            || r.EnteredByUserId == userId
            || r.Assignments.Any(a => assigned.Contains(a.AgencyId))
            || (subtree.Length > 0 && (
                r.Assignments.Any(a => subtree.Contains(a.AgencyId))
                || (r.TargetAgencyId != null && subtree.Contains(r.TargetAgencyId.Value))
                || (r.RegionAgencyId != null && subtree.Contains(r.RegionAgencyId.Value))
                || (r.TargetAgencyId == null && r.RegionAgencyId == null))));
    }
}
