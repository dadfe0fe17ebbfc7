using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Lapor.Web.Data;

/// <summary>
/// The dashboard tally kept in step with reports and assignments: every save that adds, changes or
/// removes one also moves the tally by the difference of its old and new share (<see cref="TallyChanges"/>),
/// in the same transaction, whichever use case made the change.
/// </summary>
public abstract partial class LaporDbContext
{
    /// <summary>Rows per upsert statement: six parameters each, within every provider's limit (SQL Server's 2,100).</summary>
    private const int RowsPerUpsert = 300;

    private TimeZoneInfo? _tallyZone;

    /// <summary>The deployment's time zone (the local day of completion decides the trend's month).</summary>
    public TimeZoneInfo TallyTimeZone => _tallyZone ??= (AppService<TallyTimeZone>() ?? Data.TallyTimeZone.Default).Zone;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var tally = await TallyChangesAsync(cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (!tally.IsEmpty)
            {
                await UpsertTallyAsync(tally.Cells, cancellationToken);
            }

            return saved;
        }

        // A save of its own: on SQLite it waits its turn in the process (SqliteWriteGate).
        using var turn = HasDetectedChanges() ? await EnterWriteAsync(cancellationToken) : null;
        if (tally.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Changes accepted only once the transaction commits, so a retried attempt saves them again.
        var written = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var saved = await base.SaveChangesAsync(false, ct);
            await UpsertTallyAsync(tally.Cells, ct);
            await transaction.CommitAsync(ct);
            return saved;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return written;
    }

    /// <summary>Held around a save outside an explicit transaction; only SQLite queues them (<see cref="SqliteWriteGate"/>).</summary>
    protected virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>A service of the app that made this context; null for a context made without it (design time, tools).</summary>
    protected T? AppService<T>()
        where T : class =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();

    /// <summary>Whether the save has anything to write, from the states <see cref="TallyChangesAsync"/> just detected (HasChanges would scan every entity again).</summary>
    private bool HasDetectedChanges()
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return ChangeTracker.HasChanges();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>Synchronous saves would skip the tally's queries: nothing here saves reports that way.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        return ChangeTracker.Entries().Any(e => e.Entity is Report or Assignment && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            ? throw new InvalidOperationException("Reports and assignments are saved with SaveChangesAsync, which keeps the dashboard tally.")
            : base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Adds counts to the tally's cells, creating the missing ones, in the current transaction.</summary>
    public async Task UpsertTallyAsync(IEnumerable<(TallyKey Key, long Count, long OnTime)> cells, CancellationToken cancellationToken)
    {
        // Always in key order: two saves locking the same cells lock them in the same order, so they queue rather than deadlock.
        var ordered = cells.OrderBy(c => c.Key.Month).ThenBy(c => c.Key.Measure.ToString(), StringComparer.Ordinal).ThenBy(c => c.Key.AgencyId).ThenBy(c => c.Key.Bucket);
        foreach (var batch in ordered.Chunk(RowsPerUpsert))
        {
            var values = string.Join(", ", batch.Select((_, i) => $"({{{i * 6}}}, {{{(i * 6) + 1}}}, {{{(i * 6) + 2}}}, {{{(i * 6) + 3}}}, {{{(i * 6) + 4}}}, {{{(i * 6) + 5}}})"));
            var parameters = batch.SelectMany(c => new object[] { c.Key.Month, c.Key.Measure.ToString(), c.Key.AgencyId, c.Key.Bucket, c.Count, c.OnTime }).ToArray();
            await Database.ExecuteSqlRawAsync(TallyUpsertSql(values), parameters, cancellationToken);
        }
    }

    /// <summary>The upsert for rows <paramref name="values"/> ("({0}, …), …" in key order, then Count and OnTime).</summary>
    protected virtual string TallyUpsertSql(string values) =>
        $"""
        INSERT INTO "DashboardTallies" ("Month", "Measure", "AgencyId", "Bucket", "Count", "OnTime") VALUES {values}
        ON CONFLICT ("Month", "Measure", "AgencyId", "Bucket")
        DO UPDATE SET "Count" = "DashboardTallies"."Count" + excluded."Count", "OnTime" = "DashboardTallies"."OnTime" + excluded."OnTime"
        """;

    /// <summary>What this save changes in the tally: each changed report's and assignment's old share out, its new share in.</summary>
    private async Task<TallyChanges> TallyChangesAsync(CancellationToken cancellationToken)
    {
        var changes = new TallyChanges();
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        var reports = ChangeTracker.Entries<Report>().Where(IsChanging).ToList();
        var assignments = ChangeTracker.Entries<Assignment>().Where(IsChanging).ToList();
        if (reports.Count == 0 && assignments.Count == 0)
        {
            return changes;
        }

        var zone = TallyTimeZone;
        foreach (var report in reports)
        {
            if (report.State != EntityState.Added)
            {
                changes.Add(ReportFactsOf(report.OriginalValues, zone), -1);
            }

            if (report.State != EntityState.Deleted)
            {
                changes.Add(ReportFactsOf(report.CurrentValues, zone));
            }
        }

        // An assignment counts in its report's filing month: from the tracked report (before and after this
        // save: a backfill may set the filing day), else one query. A report whose filing day moves takes
        // all its assignments along, and a removed one takes them away (cascade), tracked or not.
        var trackedReports = ChangeTracker.Entries<Report>().ToList();
        var filedBefore = trackedReports.Where(e => e.State != EntityState.Added).ToDictionary(KeyOf, e => e.OriginalValues.GetValue<DateOnly>(nameof(Report.SubmittedOn)));
        var filedAfter = trackedReports.Where(e => e.State != EntityState.Deleted).ToDictionary(KeyOf, e => e.Entity.SubmittedOn);
        var moved = reports.Where(r => r.State == EntityState.Deleted
                || (r.State == EntityState.Modified && filedBefore[KeyOf(r)] != r.Entity.SubmittedOn))
            .Select(KeyOf).ToList();
        var everyTrackedAssignment = ChangeTracker.Entries<Assignment>().ToList();
        var counted = assignments.Concat(everyTrackedAssignment.Where(a => a.State == EntityState.Unchanged && moved.Contains(ReportOf(a)))).ToList();

        var unknown = counted.Select(ReportOf).Where(id => !filedAfter.ContainsKey(id) && !filedBefore.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            foreach (var known in await Reports.AsNoTracking().Where(r => unknown.Contains(r.Id)).Select(r => new { r.Id, r.SubmittedOn }).ToListAsync(cancellationToken))
            {
                (filedBefore[known.Id], filedAfter[known.Id]) = (known.SubmittedOn, known.SubmittedOn);
            }
        }

        foreach (var assignment in counted)
        {
            var reportId = ReportOf(assignment);
            if (assignment.State != EntityState.Added)
            {
                changes.Add(AssignmentFactsOf(filedBefore[reportId], assignment.OriginalValues), -1);
            }

            if (assignment.State != EntityState.Deleted && filedAfter.TryGetValue(reportId, out var filed))
            {
                changes.Add(AssignmentFactsOf(filed, assignment.CurrentValues));
            }
        }

        if (moved.Count > 0)
        {
            var tracked = everyTrackedAssignment.Select(a => a.Entity.Id).ToHashSet();
            var untracked = await Assignments.AsNoTracking().Where(a => moved.Contains(a.ReportId)).ToListAsync(cancellationToken);
            foreach (var assignment in untracked.Where(a => !tracked.Contains(a.Id)))
            {
                changes.Add(FactsOf(assignment, filedBefore[assignment.ReportId]), -1);
                if (filedAfter.TryGetValue(assignment.ReportId, out var filed))
                {
                    changes.Add(FactsOf(assignment, filed));
                }
            }
        }

        return changes;
    }

    /// <summary>A report's key, temporary until an added one is saved (the entity's own Id is 0 until then).</summary>
    private static long KeyOf(EntityEntry<Report> entry) => entry.Property(r => r.Id).CurrentValue;

    private static long ReportOf(EntityEntry<Assignment> entry) => entry.Property(a => a.ReportId).CurrentValue;

    private static bool IsChanging(EntityEntry entry) => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    private static ReportFacts ReportFactsOf(PropertyValues values, TimeZoneInfo zone) => new(
        values.GetValue<DateOnly>(nameof(Report.SubmittedOn)), values.GetValue<ReportStatus>(nameof(Report.Status)),
        values.GetValue<int?>(nameof(Report.VerifyWorkingDays)), values.GetValue<bool?>(nameof(Report.VerifiedOnTime)),
        values.GetValue<DateTimeOffset?>(nameof(Report.FirstResponseAt)) is not null, values.GetValue<int>(nameof(Report.TimesAccepted)),
        values.GetValue<int>(nameof(Report.TimesRejected)), values.GetValue<int?>(nameof(Report.Rating)),
        LocalDay(values.GetValue<DateTimeOffset?>(nameof(Report.CompletedAt)), zone));

    private static AssignmentFacts FactsOf(Assignment a, DateOnly filedOn) => new(
        filedOn, a.AgencyId, a.State, a.FirstResponseWorkingDays, a.FirstResponseOnTime, a.CompletionWorkingDays, a.CompletedOnTime, a.ValidationRefusals);

    private static AssignmentFacts AssignmentFactsOf(DateOnly filedOn, PropertyValues values) => new(
        filedOn, values.GetValue<int>(nameof(Assignment.AgencyId)), values.GetValue<AssignmentState>(nameof(Assignment.State)),
        values.GetValue<int?>(nameof(Assignment.FirstResponseWorkingDays)), values.GetValue<bool?>(nameof(Assignment.FirstResponseOnTime)),
        values.GetValue<int?>(nameof(Assignment.CompletionWorkingDays)), values.GetValue<bool?>(nameof(Assignment.CompletedOnTime)),
        values.GetValue<int>(nameof(Assignment.ValidationRefusals)));

    /// <summary>The local day of an instant (as <c>DeadlineSchedule.LocalDate</c>).</summary>
    public static DateOnly? LocalDay(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null;
}
