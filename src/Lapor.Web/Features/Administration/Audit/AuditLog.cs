using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Audit;

/// <summary>
/// One page of the audit log, newest first. Each entry names what it is about as people know it —
/// a report by its tracking number, an account by its e-mail, a category or agency by its name —
/// never by an internal id.
/// </summary>
public static class AuditLog
{
    public const int PageSize = 100;

    public sealed record Row(long Id, DateTimeOffset At, AuditAction Action, string? User, string? Target, string? Reason, string? IpAddress);

    public sealed record Page(IReadOnlyList<Row> Rows, AuditAction? Action, long? Next)
    {
        /// <summary>The next page's address, made by the controller.</summary>
        public string? NextLink { get; init; }
    }

    public sealed class Handler(LaporDbContext db, ReferenceData reference, AuditWording wording)
    {
        public async Task<Page> HandleAsync(AuditAction? action, long? before, CancellationToken cancellationToken)
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (action is { } chosen)
            {
                entries = entries.Where(a => a.Action == chosen);
            }

            if (before is { } id)
            {
                entries = entries.Where(a => a.Id < id);
            }

            var found = await entries.OrderByDescending(a => a.Id).Take(PageSize + 1)
                .Select(a => new
                {
                    a.Id, a.OccurredAt, a.Action, a.TargetType, a.TargetId, a.Reason, a.IpAddress,
                    User = db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            var next = found.Count > PageSize ? found[PageSize - 1].Id : (long?)null;
            var page = found.Take(PageSize).ToList();

            var reportIds = page.Where(a => a.TargetType == "Report").Select(a => ReportId(a.TargetId)).OfType<long>().Distinct().ToList();
            var numbers = reportIds.Count == 0 ? [] : await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.TrackingNumber, cancellationToken);
            var userIds = page.Where(a => a.TargetType is "User" or "Account").Select(a => a.TargetId).OfType<string>().Distinct().ToList();
            var emails = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
            var agencies = await reference.AgenciesAsync(cancellationToken);
            var categories = await reference.CategoriesAsync(cancellationToken);

            // Only names people know; an id that is not found (an erased account) leaves just the kind of target.
            string? Name(string? type, string? targetId) => targetId is null ? null : type switch
            {
                "Report" => ReportId(targetId) is { } reportId ? numbers.GetValueOrDefault(reportId) : null,
                "User" or "Account" => emails.GetValueOrDefault(targetId),
                "Category" => categories.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == targetId)?.Name,
                "Agency" => agencies.FirstOrDefault(a => a.ShortCode == targetId)?.Name ?? targetId,
                "ApiClient" or "ReportList" or "PeriodReport" => targetId,
                _ => null,
            };

            var names = agencies.ToDictionary(a => a.Id, a => a.Name);
            var rows = page.Select(a => new Row(a.Id, a.OccurredAt, a.Action, a.User, wording.Target(a.TargetType, Name(a.TargetType, a.TargetId)),
                    wording.Reason(a.Action, a.Reason, names), a.IpAddress))
                .ToList();
            return new Page(rows, action, next);
        }

        private static long? ReportId(string? targetId) =>
            long.TryParse(targetId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
