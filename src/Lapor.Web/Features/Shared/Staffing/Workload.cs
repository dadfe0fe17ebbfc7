using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Staffing;

/// <summary>
/// How much open work each officer of some agencies carries, how much of it is late now, and what nobody
/// has taken on. The agency head's inbox shows their agencies'; the dashboard's "who is late" page shows it
/// for the viewer's agencies (the inspectorate's too, read-only) and counts its late stages per agency from
/// the same tallies. Officers are staff: names of reporters never appear here.
/// </summary>
public static class Workload
{
    /// <summary><paramref name="Overdue"/>: the officer's open assignments with a stage late now (<see cref="LateNow"/>).</summary>
    public sealed record Row(string Officer, int Open, int Overdue, DateTimeOffset? LastSignIn)
    {
        public string? Agency { get; init; }
    }

    public sealed record View(IReadOnlyList<Row> Officers, int Unclaimed);

    /// <summary>An account with the Officer role in one of the agencies; <paramref name="Active"/>: not disabled, so the agency is staffed.</summary>
    public sealed record Officer(int AgencyId, string UserId, string Name, DateTimeOffset? LastSignIn, bool Active);

    /// <summary>Open assignments of one agency held by one officer (or by nobody): how many, and how many are late now at each stage.</summary>
    public sealed record Tally(int AgencyId, string? OfficerUserId, int Open, int FirstResponseLate, int CompletionLate, int Late);

    /// <summary>The officers of some agencies and their open work, as of <paramref name="Today"/>: what the workload and the overdue counts are built from.</summary>
    public sealed record Snapshot(IReadOnlyList<Officer> Officers, IReadOnlyList<Tally> Tallies, DateOnly Today)
    {
        public View ToView(IReadOnlyDictionary<int, string> agencyNames)
        {
            var held = Tallies.Where(t => t.OfficerUserId is not null).ToLookup(t => (t.AgencyId, t.OfficerUserId));
            return new View([.. Officers
                .Select(o => new Row(o.Name, held[(o.AgencyId, o.UserId)].Sum(t => t.Open), held[(o.AgencyId, o.UserId)].Sum(t => t.Late), o.LastSignIn)
                    { Agency = agencyNames.GetValueOrDefault(o.AgencyId) })
                .OrderByDescending(r => r.Open).ThenBy(r => r.Officer, StringComparer.CurrentCulture)],
                Tallies.Where(t => t.OfficerUserId is null).Sum(t => t.Open));
        }
    }

    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, ReferenceData reference, TimeProvider clock)
    {
        /// <summary>For an agency head: the agencies they read.</summary>
        public Task<View> HandleAsync(ReportScope scope, CancellationToken cancellationToken) => ForAgenciesAsync(scope.AssignedAgencies, cancellationToken);

        public async Task<View> ForAgenciesAsync(IReadOnlyCollection<int> agencyIds, CancellationToken cancellationToken) =>
            (await SnapshotAsync(agencyIds, null, cancellationToken)).ToView(await reference.AgencyNamesAsync(cancellationToken));

        /// <summary>
        /// Two reads: the officers of the agencies, and their open assignments (of <paramref name="reports"/>, if
        /// given) counted in SQL by agency, officer and the keys <see cref="LateNow"/> decides lateness on. The
        /// counts are a few hundred rows whatever the number of open assignments.
        /// </summary>
        public async Task<Snapshot> SnapshotAsync(IReadOnlyCollection<int> agencyIds, IQueryable<Report>? reports, CancellationToken cancellationToken)
        {
            var agencies = agencyIds.ToArray();
            var schedule = await schedules.GetAsync(cancellationToken);
            var today = schedule.LocalDate(clock.GetUtcNow());

            var officers = await (
                from m in db.AgencyMemberships
                where agencies.Contains(m.AgencyId)
                    && db.UserRoles.Any(ur => ur.UserId == m.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Officer))
                join u in db.Users on m.UserId equals u.Id
                select new Officer(m.AgencyId, u.Id, u.FullName, u.LastSignInAt, !u.IsDisabled))
                .AsNoTracking().ToListAsync(cancellationToken);

            var open = UnstaffedWork.Open(db).AsNoTracking().Where(a => agencies.Contains(a.AgencyId));
            if (reports is not null)
            {
                open = open.Where(a => reports.Any(r => r.Id == a.ReportId));
            }

            var groups = await open
                .GroupBy(a => new
                {
                    a.AgencyId,
                    a.OfficerUserId,
                    a.State,
                    Paused = a.PausedAt != null,
                    Answered = a.FirstRespondedAt != null,
                    FirstResponsePast = a.FirstResponseDueOn < today,
                    CompletionPast = a.CompletionDueOn < today,
                })
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);

            var tallies = groups
                .Select(g => (g.Key.AgencyId, g.Key.OfficerUserId, g.Count,
                    Stages: LateNow.StagesOf(g.Key.State, g.Key.Paused, g.Key.Answered, g.Key.FirstResponsePast, g.Key.CompletionPast).ToList()))
                .GroupBy(g => (g.AgencyId, g.OfficerUserId))
                .Select(g => new Tally(g.Key.AgencyId, g.Key.OfficerUserId, g.Sum(x => x.Count),
                    g.Where(x => x.Stages.Contains(Deadline.FirstResponse)).Sum(x => x.Count),
                    g.Where(x => x.Stages.Contains(Deadline.Completion)).Sum(x => x.Count),
                    g.Where(x => x.Stages.Count > 0).Sum(x => x.Count)))
                .ToList();
            return new Snapshot(officers, tallies, today);
        }
    }
}
