using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Paging;
using Lapor.Web.Features.Shared.Staffing;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>The coordinator's queue: reports in their region waiting for a decision, oldest first.</summary>
public static class CoordinatorQueue
{
    public const int PageSize = 25;

    public enum Tab
    {
        New,
        Returned,
        OnHold,
        Archived,
        Routed,

        /// <summary>Open reports three working days past a deadline, or escalated by their reporter.</summary>
        Escalated,

        /// <summary>Open work at an agency without an active liaison officer: nobody there sees it. One row per such agency.</summary>
        Unstaffed,

        /// <summary>Final responses waiting for the coordinator's (or the inspectorate's) validation. One row per agency.</summary>
        AwaitingValidation,
    }

    public sealed class Filter
    {
        public Tab Tab { get; set; } = Tab.New;
        public string? Q { get; set; }
        public string? After { get; set; }

        /// <summary>The inbox's narrowing: a category, a channel, the agency the reporter aimed at, and an age (filed more than so many working days ago).</summary>
        public int? CategoryId { get; set; }
        public Channel? Channel { get; set; }
        public int? TargetAgencyId { get; set; }
        public int? OlderThan { get; set; }

        /// <summary>The search and narrowing, for links between tabs and pages (the tab and page position are the link's own).</summary>
        public Dictionary<string, string> RouteValues()
        {
            var values = new Dictionary<string, string>();
            foreach (var (name, value) in new (string, object?)[]
            {
                (nameof(Q), Q), (nameof(CategoryId), CategoryId), (nameof(Channel), Channel), (nameof(TargetAgencyId), TargetAgencyId), (nameof(OlderThan), OlderThan),
            })
            {
                if (value is not null && (value is not string text || !string.IsNullOrWhiteSpace(text)))
                {
                    values[name] = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString()!;
                }
            }

            return values;
        }
    }

    public sealed record Row(long Id, string TrackingNumber, string Title, Classification Classification, Channel Channel, ReportStatus Status,
        string? Category, string? TargetAgency, DateTimeOffset SubmittedAt, DateOnly? VerifyDueOn, bool IsAnonymous, bool IsConfidential)
    {
        /// <summary>On the Unstaffed and AwaitingValidation tabs: the agency the row is about, and since when it waits there.</summary>
        public string? Agency { get; init; }

        public DateTimeOffset? WaitingSince { get; init; }

        /// <summary>The report's tags (staff only), read in the list's own statement.</summary>
        public IReadOnlyList<string> Tags { get; init; } = [];

        /// <summary>Working days from <see cref="WaitingSince"/> to today.</summary>
        public int? WaitingDays { get; init; }

        /// <summary>On the Escalated tab: the most working days one of the report's agencies is late now (<see cref="LateNow"/>), 0 when none is.</summary>
        public int? DaysLate { get; init; }
    }

    public sealed record Page(IReadOnlyList<Row> Rows, IReadOnlyDictionary<Tab, int> Counts, string? Next, Filter Filter)
    {
        /// <summary>The categories and agencies the narrowing offers.</summary>
        public FormOptions.View Options { get; init; } = new([], []);
    }

    /// <summary>One line of a tab with its sort position: a report by filing time, or one agency's share of it by how long it waits.</summary>
    private sealed class Item
    {
        public Report Report { get; init; } = null!;
        public DateTimeOffset Since { get; init; }
        public long Key { get; init; }
        public int? AgencyId { get; init; }
    }

    public sealed class Handler(LaporDbContext db, ReferenceData reference, DeadlineScheduleProvider schedules, FormOptions.Handler options, TimeProvider clock)
    {
        public async Task<Page> HandleAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken)
        {
            var page = await ListAsync(scope, filter, cancellationToken);
            return page with { Options = await options.HandleAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en", cancellationToken) };
        }

        /// <summary>
        /// The report after <paramref name="trackingNumber"/> in the tab <paramref name="filter"/> describes (with its search
        /// and narrowing, by filing time), whether or not the current one is still in it: "verifikasi &amp; berikutnya". Only
        /// the tabs of reports waiting for the coordinator (new, returned, on hold) have a next one; null otherwise.
        /// </summary>
        public async Task<string?> NextAfterAsync(ReportScope scope, Filter filter, string trackingNumber, CancellationToken cancellationToken)
        {
            if (filter.Tab is not (Tab.New or Tab.Returned or Tab.OnHold))
            {
                return null;
            }

            var reports = await SearchedAsync(scope, filter, cancellationToken);
            var current = await reports.Where(r => r.TrackingNumber == trackingNumber).Select(r => new { r.Id, r.SubmittedAt }).FirstOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                return null;
            }

            return await InTab(reports, filter.Tab)
                .Where(r => r.SubmittedAt > current.SubmittedAt || (r.SubmittedAt == current.SubmittedAt && r.Id > current.Id))
                .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
                .Select(r => r.TrackingNumber).FirstOrDefaultAsync(cancellationToken);
        }

        /// <summary>The viewer's reports narrowed by the filter and matched by its search.</summary>
        private async Task<IQueryable<Report>> SearchedAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken)
        {
            var reports = Narrow(scope.Apply(db.Reports.AsNoTracking()), filter, await schedules.GetAsync(cancellationToken));
            if (!string.IsNullOrWhiteSpace(filter.Q))
            {
                var number = TrackingNumber.Normalize(filter.Q);
                // Lower case on both sides, so "jalan" finds "Jalan" and "josé" finds "JOSÉ" on every database
                // (docs/architecture.md, "Text comparison").
                var text = CaseFolded.Anywhere(filter.Q);
                // An eight-letter word can look like a tracking number: match either.
                reports = reports.Where(r => r.TrackingNumber == number || EF.Functions.Like(r.Title.ToLower(), text, CaseFolded.Escape) || EF.Functions.Like(r.Body.ToLower(), text, CaseFolded.Escape));
            }

            return reports;
        }

        /// <summary>The reports of a tab that lists reports by their status.</summary>
        private static IQueryable<Report> InTab(IQueryable<Report> reports, Tab tab) => tab switch
        {
            Tab.New => reports.Where(r => r.Status == ReportStatus.Unverified && !r.IsReturned),
            Tab.Returned => reports.Where(r => r.Status == ReportStatus.Unverified && r.IsReturned),
            Tab.OnHold => reports.Where(r => r.Status == ReportStatus.OnHold),
            Tab.Archived => reports.Where(r => r.Status == ReportStatus.Archived),
            _ => reports.Where(r => r.Status == ReportStatus.Dispositioned || r.Status == ReportStatus.InProgress || r.Status == ReportStatus.Completed),
        };

        private async Task<Page> ListAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken)
        {
            var reports = await SearchedAsync(scope, filter, cancellationToken);

            var byStatus = await reports.GroupBy(r => new { r.Status, r.IsReturned }).Select(g => new { g.Key.Status, g.Key.IsReturned, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var counts = Enum.GetValues<Tab>().ToDictionary(t => t, t => byStatus.Where(g => InTab(t, g.Status, g.IsReturned)).Sum(g => g.Count));
            var escalated = reports.Where(r => (r.Status == ReportStatus.Dispositioned || r.Status == ReportStatus.InProgress)
                && db.Escalations.Any(e => e.ReportId == r.Id && (e.Rung == EscalationRung.AgencyHeadAlert || e.Rung == EscalationRung.ReporterEscalated)));

            // Computed now, never stored: an officer added or a re-routing takes the work off the tab at once.
            var unstaffed = UnstaffedWork.Of(db, reports).AsNoTracking();
            var awaiting = db.Assignments.AsNoTracking().Where(a => a.State == AssignmentState.AwaitingValidation && reports.Any(r => r.Id == a.ReportId));

            // The tabs that are not a status, counted in one statement.
            var lists = await escalated.Select(_ => Tab.Escalated)
                .Concat(unstaffed.Select(_ => Tab.Unstaffed))
                .Concat(awaiting.Select(_ => Tab.AwaitingValidation))
                .GroupBy(t => t).Select(g => new { Tab = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var list in lists)
            {
                counts[list.Tab] = list.Count;
            }

            var items = filter.Tab switch
            {
                Tab.Unstaffed => unstaffed.Select(a => new Item { Report = a.Report!, Since = a.AssignedAt, Key = a.Id, AgencyId = a.AgencyId }),
                Tab.AwaitingValidation => awaiting.Select(a => new Item { Report = a.Report!, Since = a.FinalRespondedAt!.Value, Key = a.Id, AgencyId = a.AgencyId }),
                Tab.Escalated => Reports(escalated),
                _ => Reports(InTab(reports, filter.Tab)),
            };

            return await PageAsync(items, counts, filter, cancellationToken);
        }

        /// <summary>The category, channel, target agency and age filters (the age on the local filing day, in working days).</summary>
        private IQueryable<Report> Narrow(IQueryable<Report> reports, Filter filter, Domain.Deadlines.DeadlineSchedule schedule)
        {
            if (filter.CategoryId is { } category)
            {
                reports = reports.Where(r => r.CategoryId == category);
            }

            if (filter.Channel is { } channel)
            {
                reports = reports.Where(r => r.Channel == channel);
            }

            if (filter.TargetAgencyId is { } target)
            {
                reports = reports.Where(r => r.TargetAgencyId == target);
            }

            if (filter.OlderThan is { } days and >= 0 and <= 3650)
            {
                var filedBy = Ageing.LatestFiledOlderThan(days, schedule.LocalDate(clock.GetUtcNow()), schedule.Calendar);
                reports = reports.Where(r => r.SubmittedOn <= filedBy);
            }

            return reports;
        }

        private static IQueryable<Item> Reports(IQueryable<Report> reports) =>
            reports.Select(r => new Item { Report = r, Since = r.SubmittedAt, Key = r.Id, AgencyId = null });

        private async Task<Page> PageAsync(IQueryable<Item> items, Dictionary<Tab, int> counts, Filter filter, CancellationToken cancellationToken)
        {
            if (Keyset.ParseInstant(filter.After) is { Instant: var at, Id: var id })
            {
                items = items.Where(i => i.Since > at || (i.Since == at && i.Key > id));
            }

            var page = await items.OrderBy(i => i.Since).ThenBy(i => i.Key).Take(PageSize + 1)
                .Select(i => new
                {
                    i.Since,
                    i.Key,
                    Row = new Row(i.Report.Id, i.Report.TrackingNumber, i.Report.Title, i.Report.Classification, i.Report.Channel, i.Report.Status,
                        db.Categories.Where(c => c.Id == i.Report.CategoryId).Select(c => c.Name).FirstOrDefault(),
                        db.Agencies.Where(a => a.Id == i.Report.TargetAgencyId).Select(a => a.Name).FirstOrDefault(),
                        i.Report.SubmittedAt, i.Report.VerifyDueOn, i.Report.IsAnonymous, i.Report.IsConfidential),
                    i.AgencyId,
                    Tags = db.ReportTags.Where(rt => rt.ReportId == i.Report.Id).Join(db.Tags, rt => rt.TagId, t => t.Id, (rt, t) => t.Label).ToList(),
                })
                .ToListAsync(cancellationToken);
            page = [.. page.Select(p => p with { Row = p.Row with { Tags = [.. p.Tags.Order(StringComparer.Ordinal)] } })];

            string? next = null;
            if (page.Count > PageSize)
            {
                page.RemoveAt(PageSize);
                next = Keyset.After(page[^1].Since, page[^1].Key).ToString();
            }

            if (filter.Tab == Tab.Escalated)
            {
                return new Page(await LateAgenciesAsync([.. page.Select(p => p.Row)], cancellationToken), counts, next, filter);
            }

            if (filter.Tab is not (Tab.Unstaffed or Tab.AwaitingValidation))
            {
                return new Page([.. page.Select(p => p.Row)], counts, next, filter);
            }

            var schedule = await schedules.GetAsync(cancellationToken);
            var names = await reference.AgencyNamesAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var rows = page.Select(p => p.Row with
            {
                Agency = p.AgencyId is { } agency ? names.GetValueOrDefault(agency) : null,
                WaitingSince = p.Since,
                WaitingDays = schedule.WorkingDaysBetween(p.Since, now),
            }).ToList();
            return new Page(rows, counts, next, filter);
        }

        /// <summary>
        /// For escalated reports: the agencies responsible (those the escalation named, else those late now) and how many
        /// working days the latest of their running stages is late today.
        /// </summary>
        private async Task<List<Row>> LateAgenciesAsync(List<Row> rows, CancellationToken cancellationToken)
        {
            var ids = rows.Select(r => r.Id).ToArray();
            var shares = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.ReportId))
                .Select(a => new
                {
                    a.Id, a.ReportId, a.AgencyId, a.State, a.PausedAt, a.FirstRespondedAt, a.FirstResponseDueOn, a.CompletionDueOn,
                    Escalated = db.Escalations.Any(e => e.AssignmentId == a.Id && (e.Rung == EscalationRung.AgencyHeadAlert || e.Rung == EscalationRung.ReporterEscalated)),
                })
                .ToListAsync(cancellationToken);
            var schedule = await schedules.GetAsync(cancellationToken);
            var names = await reference.AgencyNamesAsync(cancellationToken);
            var today = schedule.LocalDate(clock.GetUtcNow());
            return [.. rows.Select(row =>
            {
                var late = shares.Where(a => a.ReportId == row.Id)
                    .Select(a => (a.AgencyId, a.Escalated, Days: LateNow.StagesOf(a.State, a.PausedAt, a.FirstRespondedAt, a.FirstResponseDueOn, a.CompletionDueOn, today)
                        .Select(s => LateNow.WorkingDaysLate(s.DueOn, today, schedule.Calendar)).DefaultIfEmpty(0).Max()))
                    .ToList();
                var responsible = late.Where(a => a.Escalated).ToList() is { Count: > 0 } named ? named : late.Where(a => a.Days > 0).ToList();
                return row with
                {
                    Agency = string.Join(", ", responsible.Select(a => names.GetValueOrDefault(a.AgencyId, "?")).Distinct()),
                    DaysLate = late.Select(a => a.Days).DefaultIfEmpty(0).Max(),
                };
            })];
        }

        private static bool InTab(Tab tab, ReportStatus status, bool returned) => tab switch
        {
            Tab.New => status == ReportStatus.Unverified && !returned,
            Tab.Returned => status == ReportStatus.Unverified && returned,
            Tab.OnHold => status == ReportStatus.OnHold,
            Tab.Archived => status == ReportStatus.Archived,
            Tab.Routed => status is ReportStatus.Dispositioned or ReportStatus.InProgress or ReportStatus.Completed,
            _ => false,
        };
    }
}
