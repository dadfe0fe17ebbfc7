using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>For an agency head: how much open work each of their officers carries, and what nobody has taken on.</summary>
public static class Workload
{
    public sealed record Row(string Officer, int Open, int Overdue, DateTimeOffset? LastSignIn);

    public sealed record View(IReadOnlyList<Row> Officers, int Unclaimed);

    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
        public async Task<View> HandleAsync(ReportScope scope, CancellationToken cancellationToken)
        {
            var agencies = scope.AssignedAgencies.ToArray();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var open = db.Assignments.AsNoTracking().Where(a => agencies.Contains(a.AgencyId) &&
                (a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress || a.State == AssignmentState.AwaitingReporter
                    || a.State == AssignmentState.AwaitingValidation || a.State == AssignmentState.FinalResponded));

            var officerRole = await db.Roles.Where(r => r.Name == Roles.Officer).Select(r => r.Id).FirstAsync(cancellationToken);
            var officers = await (
                from m in db.AgencyMemberships
                where agencies.Contains(m.AgencyId) && db.UserRoles.Any(ur => ur.UserId == m.UserId && ur.RoleId == officerRole)
                join u in db.Users on m.UserId equals u.Id
                select new
                {
                    u.Id,
                    u.FullName,
                    u.LastSignInAt,
                    Open = open.Count(a => a.OfficerUserId == u.Id),
                    Overdue = open.Count(a => a.OfficerUserId == u.Id && (a.IsOverdue || a.CompletionDueOn < today)),
                })
                .Distinct()
                .ToListAsync(cancellationToken);
            var unclaimed = await open.CountAsync(a => a.OfficerUserId == null, cancellationToken);
            return new View([.. officers.OrderByDescending(o => o.Open).Select(o => new Row(o.FullName, o.Open, o.Overdue, o.LastSignInAt))], unclaimed);
        }
    }
}
