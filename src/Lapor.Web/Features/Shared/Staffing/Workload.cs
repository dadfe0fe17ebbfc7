using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Staffing;

/// <summary>
/// How much open work each officer of some agencies carries, how much of it is late now, and what nobody
/// has taken on. The agency head's inbox shows their agencies'; the dashboard shows it for the viewer's
/// agencies (the inspectorate's too, read-only). Officers are staff: names of reporters never appear here.
/// </summary>
public static class Workload
{
    /// <summary><paramref name="Overdue"/>: the officer's open assignments with a stage late now (<see cref="LateNow"/>).</summary>
    public sealed record Row(string Officer, int Open, int Overdue, DateTimeOffset? LastSignIn)
    {
        public string? Agency { get; init; }
    }

    public sealed record View(IReadOnlyList<Row> Officers, int Unclaimed);

    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, ReferenceData reference, TimeProvider clock)
    {
        /// <summary>For an agency head: the agencies they read.</summary>
        public Task<View> HandleAsync(ReportScope scope, CancellationToken cancellationToken) => ForAgenciesAsync(scope.AssignedAgencies, cancellationToken);

        public async Task<View> ForAgenciesAsync(IReadOnlyCollection<int> agencyIds, CancellationToken cancellationToken)
        {
            var agencies = agencyIds.ToArray();
            var schedule = await schedules.GetAsync(cancellationToken);
            var today = schedule.LocalDate(clock.GetUtcNow());
            var open = UnstaffedWork.Open(db).AsNoTracking().Where(a => agencies.Contains(a.AgencyId));
            var late = open.Where(LateNow.FirstResponse(today)).Select(a => a.Id).Union(open.Where(LateNow.Completion(today)).Select(a => a.Id));

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
                    m.AgencyId,
                    Open = open.Count(a => a.OfficerUserId == u.Id && a.AgencyId == m.AgencyId),
                    Overdue = open.Count(a => a.OfficerUserId == u.Id && a.AgencyId == m.AgencyId && late.Contains(a.Id)),
                })
                .ToListAsync(cancellationToken);
            var unclaimed = await open.CountAsync(a => a.OfficerUserId == null, cancellationToken);
            var names = await reference.AgencyNamesAsync(cancellationToken);
            return new View([.. officers.OrderByDescending(o => o.Open).ThenBy(o => o.FullName, StringComparer.CurrentCulture)
                .Select(o => new Row(o.FullName, o.Open, o.Overdue, o.LastSignInAt) { Agency = names.GetValueOrDefault(o.AgencyId) })], unclaimed);
        }
    }
}
