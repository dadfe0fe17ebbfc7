using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>
/// What a change to the holiday table does to reports already running: the stored due dates that
/// move (<see cref="Report.FollowCalendar"/>), shown before the change and applied with it. The
/// preview and the change run the same domain code, so what the administrator is told is what happens.
/// </summary>
public static class HolidayChange
{
    /// <summary>Shown by name, never more than this many rows; the rest are counted.</summary>
    public const int ShownRows = 100;

    public sealed record Moved(string TrackingNumber, DueDateStage Stage, string? Agency, DateOnly From, DateOnly To);

    /// <summary>The first <see cref="ShownRows"/> moves, how many there are in all, and on how many reports.</summary>
    public sealed record Moves(IReadOnlyList<Moved> Rows, int Count, int Reports)
    {
        public static Moves None { get; } = new([], 0, 0);
    }

    private static readonly ReportStatus[] Running = [ReportStatus.Unverified, ReportStatus.OnHold, ReportStatus.Dispositioned, ReportStatus.InProgress];

    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, ReferenceData reference, TimeProvider clock)
    {
        /// <summary>The due dates that adding and removing these days would move; nothing is changed.</summary>
        public async Task<Moves> PreviewAsync(IReadOnlyCollection<DateOnly> added, IReadOnlyCollection<DateOnly> removed, CancellationToken cancellationToken) =>
            await FollowAsync(db.Reports.AsNoTracking(), added, removed, cancellationToken);

        /// <summary>Moves the due dates on the tracked reports; the caller saves them with the holidays, in one transaction.</summary>
        public async Task<Moves> ApplyAsync(IReadOnlyCollection<DateOnly> added, IReadOnlyCollection<DateOnly> removed, CancellationToken cancellationToken) =>
            await FollowAsync(db.Reports, added, removed, cancellationToken);

        private async Task<Moves> FollowAsync(IQueryable<Report> reports, IReadOnlyCollection<DateOnly> added, IReadOnlyCollection<DateOnly> removed, CancellationToken cancellationToken)
        {
            if (added.Count + removed.Count == 0)
            {
                return Moves.None;
            }

            var schedule = await schedules.GetAsync(cancellationToken);
            var today = schedule.LocalDate(clock.GetUtcNow());
            var before = new WorkingDayCalendar(await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken));
            var change = new CalendarChange(before, before.With(added, removed), today);

            // Only a due date on or after the first changed day can move.
            var from = added.Concat(removed).Min() is var first && first > today ? first : today;
            var candidates = await reports.Include(r => r.Assignments)
                .Where(r => Running.Contains(r.Status))
                .Where(r => r.VerifyDueOn >= from || r.Assignments.Any(a => a.CompletionDueOn >= from || a.ReporterWindowEndsOn >= from))
                .OrderBy(r => r.Id)
                .ToListAsync(cancellationToken);
            var agencies = await reference.AgencyNamesAsync(cancellationToken);
            var rows = candidates
                .SelectMany(r => r.FollowCalendar(change).Select(m => new Moved(r.TrackingNumber, m.Stage, m.AgencyId is { } id ? agencies.GetValueOrDefault(id) : null, m.From, m.To)))
                .ToList();
            return new Moves([.. rows.Take(ShownRows)], rows.Count, rows.Select(r => r.TrackingNumber).Distinct().Count());
        }
    }
}
