using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Operations.Generation;

/// <summary>
/// Fills an empty database with a province's worth of reports for load tests and benchmarks:
/// agencies and categories through EF, reports through the domain methods, rows through
/// <see cref="BulkWriter"/> (SQLite) or <see cref="PostgresBulkWriter"/> (binary COPY) in transactions of
/// a few thousand reports. The same seed gives the same reports on both.
/// </summary>
public sealed class DataGenerator(LaporDbContext db, UserManager<LaporUser> users, DeadlineScheduleProvider schedules, ReferenceData reference, TimeProvider clock,
    DashboardTallyRecount tallyRecount)
{
    private const int ReportsPerTransaction = 5_000;

    /// <summary>What to generate; <paramref name="Now"/> fixes the clock, so a seed gives the same data set on any day (null: the real time).</summary>
    public sealed record Settings(int Reports, int Agencies, int Years, int Seed, DateTimeOffset? Now = null);

    public sealed record Summary(long Reports, long Rows, int Agencies, TimeSpan Elapsed);

    public async Task<Summary> RunAsync(Settings settings, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        if (!db.Database.IsSqlite() && !postgres)
        {
            // Explicit keys need IDENTITY_INSERT per table on SQL Server; the generator writes several tables at once.
            throw new InvalidOperationException("The generator writes to SQLite or PostgreSQL only (Database:Provider=Sqlite or PostgreSql).");
        }

        if (await db.Agencies.AnyAsync(cancellationToken) || await db.Reports.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds agencies or reports; point ConnectionStrings:Default at a new file.");
        }

        var now = settings.Now ?? clock.GetUtcNow();
        var first = now.AddYears(-settings.Years);
        await AddHolidaysAsync(first.Year, now.Year, cancellationToken);
        await schedules.InvalidateAsync(cancellationToken);
        var schedule = await schedules.GetAsync(cancellationToken);

        var random = new Random(settings.Seed);
        var province = await SyntheticProvince.CreateAsync(db, settings.Agencies, random, cancellationToken);
        await province.AddAccountsAsync(db, users, now, cancellationToken);
        var categoryNames = await db.Categories.AsNoTracking().Where(c => c.ParentId != null).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var trackingNumbers = new TrackingNumbers();
        var reports = new SyntheticReports(random, province, categoryNames, schedule, now, trackingNumbers);
        var planted = new SyntheticDuplicates(new Random(settings.Seed + 21), province, categoryNames, schedule, now, trackingNumbers);
        db.ChangeTracker.Clear();

        await db.Database.OpenConnectionAsync(cancellationToken);

        // The data set can be generated again, so losing it to a power cut is acceptable; speed is not optional.
        await db.Database.ExecuteSqlRawAsync(postgres ? "SET synchronous_commit = off" : "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;", cancellationToken);

        await using IBulkWriter writer = postgres ? new PostgresBulkWriter(db) : new BulkWriter(db);
        var progress = new ProgressBar(settings.Reports, output, interactive);
        long reportId = 0, assignmentId = 0, routingId = 0, messageId = 0;
        var span = now - first;
        for (var i = 0; i < settings.Reports; i++)
        {
            if (i % ReportsPerTransaction == 0)
            {
                await writer.CommitAsync(cancellationToken);
                await writer.BeginAsync(cancellationToken);
            }

            // Submission times rise with the index (ids follow time) and grow denser towards now, as adoption grows.
            var submittedAt = first + (span * Math.Pow((i + random.NextDouble()) / settings.Reports, 0.8));
            var (report, identity) = planted.Next(submittedAt) ?? reports.Next(submittedAt);
            var id = ++reportId;
            planted.Stored(id);
            await writer.InsertAsync(report, cancellationToken, ("Id", id));
            foreach (var assignment in report.Assignments)
            {
                await writer.InsertAsync(assignment, cancellationToken, ("Id", ++assignmentId), ("ReportId", id));
            }

            foreach (var entry in report.Routing)
            {
                await writer.InsertAsync(entry, cancellationToken, ("Id", ++routingId), ("ReportId", id));
            }

            foreach (var message in report.Messages)
            {
                await writer.InsertAsync(message, cancellationToken, ("Id", ++messageId), ("ReportId", id));
            }

            foreach (var attachment in report.Attachments)
            {
                await writer.InsertAsync(attachment, cancellationToken, ("ReportId", id));
            }

            if (identity is not null)
            {
                await writer.InsertAsync(identity, cancellationToken, ("ReportId", id));
            }

            progress.Report(i + 1);
        }

        await writer.CommitAsync(cancellationToken);
        progress.Report(settings.Reports);

        // The rows went in without the context, so the dashboard tally is counted from them.
        await tallyRecount.RunAsync(cancellationToken);

        if (writer is PostgresBulkWriter copied)
        {
            await copied.FinishAsync(cancellationToken);
        }
        else
        {
            // Fresh statistics let SQLite's planner pick the right index for each page's query.
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);

            // Everything into the main file, so the database is one file that can be copied.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        await reference.InvalidateAsync(cancellationToken);
        return new Summary(reportId, writer.RowsWritten, province.All.Count, progress.Elapsed);
    }

    /// <summary>The fixed-date national holidays of years the calendar does not hold yet (2026 ships complete).</summary>
    private async Task AddHolidaysAsync(int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var known = await db.Holidays.Select(h => h.Date.Year).Distinct().ToListAsync(cancellationToken);
        (int Month, int Day, string Name)[] fixedDates =
            [(1, 1, "Tahun Baru Masehi"), (5, 1, "Hari Buruh Internasional"), (6, 1, "Hari Lahir Pancasila"), (8, 17, "Hari Kemerdekaan Republik Indonesia"), (12, 25, "Hari Raya Natal")];
        for (var year = fromYear; year <= toYear; year++)
        {
            if (!known.Contains(year))
            {
                db.Holidays.AddRange(fixedDates.Select(d => new Holiday(new DateOnly(year, d.Month, d.Day), d.Name, HolidayKind.National)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
