using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.StaffWork.ReportPage;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Operations.Generation;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Operations.TriageEval;

/// <summary>
/// <c>dotnet Lapor.Web.dll triage-eval --duplicates [--sample 2000] [--as koordinator@provinsi.test]</c>:
/// how often the similar-reports panel would have offered the right original. Every report archived as a
/// duplicate is a case (the data set's own ground truth: <see cref="Report.DuplicateOfReportId"/>); the
/// panel is computed for it as the coordinator saw it at verification (earlier reports only, itself and
/// other duplicates left out), and it counts as found when its original is among the five. Beside it the
/// baseline a coordinator has without the panel: the five newest earlier reports of the same category.
/// </summary>
public static class DuplicateEval
{

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var sample = 2_000;
        var misses = 0;
        var email = SyntheticProvince.CoordinatorEmail;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--duplicates":
                    break;
                case "--sample" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    sample = n;
                    i++;
                    break;
                case "--misses" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var m):
                    misses = m;
                    i++;
                    break;
                case "--as" when i + 1 < args.Length:
                    email = args[++i];
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Cannot read '{args[i]}'.\nUsage: triage-eval --duplicates [--sample 2000] [--misses 0] [--as {SyntheticProvince.CoordinatorEmail}]");
                    return 2;
            }
        }

        await app.PrepareSchemaAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LaporDbContext>();
        var normalized = email.ToUpperInvariant(); // as Identity stores it: the address typed in any case finds the account
        var coordinator = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync();
        if (coordinator is null)
        {
            await Console.Error.WriteLineAsync($"No user {email}: name a coordinator with --as.");
            return 1;
        }

        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, coordinator), new Claim(ClaimTypes.Role, Roles.Coordinator)], "eval"));
        var reportScope = await ReportScope.ForAsync(user, db, services.GetRequiredService<AgencyTree>(), CancellationToken.None);
        var handler = services.GetRequiredService<SimilarReports.Handler>();

        var total = await db.Reports.LongCountAsync();
        var cases = await db.Reports.AsNoTracking()
            .Where(r => r.ArchiveReason == ArchiveReason.Duplicate && r.DuplicateOfReportId != null)
            .OrderBy(r => r.Id).Take(sample)
            .Select(r => new
            {
                Subject = new SimilarReports.Subject(r.Id, r.Title, r.Body, r.Location, r.CategoryId, r.Latitude, r.Longitude, r.SubmittedAt),
                Original = db.Reports.Where(o => o.Id == r.DuplicateOfReportId).Select(o => o.TrackingNumber).First(),
            })
            .ToListAsync();
        if (cases.Count == 0)
        {
            await Console.Error.WriteLineAsync("No report is archived as a duplicate: generate a data set first (generate --reports 100000).");
            return 1;
        }

        // Warm up: the first calls compile the statement and fill the caches.
        foreach (var c in cases.Take(20))
        {
            await handler.FindAsync(reportScope, c.Subject, CancellationToken.None);
        }

        var times = new List<double>(cases.Count);
        int found = 0, baseline = 0, atRank1 = 0;
        foreach (var c in cases)
        {
            var clock = Stopwatch.StartNew();
            var suggestions = await handler.FindAsync(reportScope, c.Subject, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
            var hit = suggestions.Any(s => s.TrackingNumber == c.Original);
            found += hit ? 1 : 0;
            if (!hit && misses-- > 0)
            {
                // What the coordinator would have seen instead, to tune the ranking by.
                var original = await db.Reports.AsNoTracking().Where(r => r.TrackingNumber == c.Original).Select(r => new { r.Title, r.Location, r.SubmittedAt, r.CategoryId }).FirstAsync();
                Console.WriteLine($"MISS {c.Subject.Title} | {c.Subject.Location} | {c.Subject.SubmittedAt:yyyy-MM-dd} cat {c.Subject.CategoryId}\n  original {c.Original}: {original.Title} | {original.Location} | {original.SubmittedAt:yyyy-MM-dd} cat {original.CategoryId}");
                foreach (var s in suggestions)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Score:0.00} {s.Title} | {s.SubmittedAt:yyyy-MM-dd} {(s.SameCategory ? "same" : "other")} {s.DistanceMetres:0}"));
                }
            }

            atRank1 += suggestions.OrderByDescending(s => s.Score).FirstOrDefault()?.TrackingNumber == c.Original ? 1 : 0;

            var newest = await reportScope.Apply(db.Reports.AsNoTracking())
                .Where(r => r.Id < c.Subject.Id && r.CategoryId == c.Subject.CategoryId && (r.ArchiveReason == null || r.ArchiveReason != ArchiveReason.Duplicate))
                .OrderByDescending(r => r.Id).Take(DuplicateRanking.Shown).Select(r => r.TrackingNumber).ToListAsync();
            baseline += newest.Contains(c.Original) ? 1 : 0;
        }

        times.Sort();
        string Share(int n) => (100.0 * n / cases.Count).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reports={total} planted_duplicates={cases.Count}"));
        Console.WriteLine($"RESULT duplicates_found_in_top5={Share(found)} (original ranked first: {Share(atRank1)})");
        Console.WriteLine($"RESULT baseline_newest5_same_category={Share(baseline)}");
        Console.WriteLine($"RESULT suggestion_query_ms p50={Ms(times[times.Count / 2])} p95={Ms(times[(int)(times.Count * 0.95)])} max={Ms(times[^1])}");
        return 0;
    }
}
