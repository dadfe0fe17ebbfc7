using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Features.Shared.Staffing;

/// <summary>
/// Work nobody can see (DESIGN §5, "no report waits unseen"): open assignments at an agency without
/// an active liaison officer, that is an account that is not disabled, holds the Officer role and
/// belongs to the agency. Asked at read time rather than stored, so an officer added later, or a
/// re-routing, takes the work off the list at once. The coordinator's "Unstaffed" tab and the
/// dashboard's count read it; the routing mail (<c>WhoIsTold.Unstaffed</c>) uses the same rule.
/// </summary>
public static class UnstaffedWork
{
    /// <summary>
    /// Memberships that make their agency staffed. The account is tested with EXISTS rather than
    /// joined, so the database looks memberships up by agency and never walks the accounts (citizens
    /// included) per agency.
    /// </summary>
    public static IQueryable<AgencyMembership> ActiveOfficers(LaporDbContext db) =>
        db.AgencyMemberships.Where(m => db.Users.Any(u => u.Id == m.UserId && !u.IsDisabled)
            && db.UserRoles.Any(ur => ur.UserId == m.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Officer)));

    /// <summary>Assignments someone still has to work on: routed, in progress, waiting on the reporter, or a final response not yet judged.</summary>
    public static IQueryable<Assignment> Open(LaporDbContext db) =>
        db.Assignments.Where(a => a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress || a.State == AssignmentState.AwaitingReporter
            || a.State == AssignmentState.AwaitingValidation || a.State == AssignmentState.FinalResponded);

    /// <summary>
    /// Open assignments of <paramref name="reports"/> (already narrowed to what the viewer may see) at
    /// agencies without an active officer. Driven from the agencies (a few hundred), so the assignments
    /// are found through their agency index rather than by testing every open one.
    /// </summary>
    public static IQueryable<Assignment> Of(LaporDbContext db, IQueryable<Report> reports)
    {
        var officers = ActiveOfficers(db);
        var unstaffed = db.Agencies.Where(g => !officers.Any(o => o.AgencyId == g.Id)).Select(g => g.Id);
        return Open(db).Where(a => unstaffed.Contains(a.AgencyId) && reports.Any(r => r.Id == a.ReportId));
    }
}
