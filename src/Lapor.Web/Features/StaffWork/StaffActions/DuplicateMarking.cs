using System.Linq.Expressions;
using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.StaffActions;

/// <summary>
/// "Duplikat dari" (the one-click button of the similar reports, and the archive form with reason
/// Duplicate): inside <see cref="ReportWork"/>'s step, so the archive, the original's note, the moved
/// supporters and the reporter's notice are saved in one transaction. The original is looked up within
/// what the coordinator may see; a chosen report that is itself a duplicate stands for its original.
/// </summary>
public sealed class DuplicateMarking(LaporDbContext db, IStringLocalizer<StaffWorkResource> t)
{
    public async Task MarkAsync(ReportWork.Step step, ReportScope scope, Actor actor, string? originalNumber, string? typedMessage, CancellationToken cancellationToken)
    {
        var self = step.Report;
        var chosen = await FindAsync(scope, TrackingNumber.Normalize(originalNumber), cancellationToken) ?? throw new DomainException("Archive.DuplicateNotFound");

        // The chain behind the chosen report, as far as the rule follows it (a chain back to this report is refused by the rule).
        var originals = new Dictionary<long, long?> { [chosen.Id] = chosen.OriginalId };
        for (var next = chosen.OriginalId; next is { } id && id != self.Id && !originals.ContainsKey(id) && originals.Count <= Report.MaxDuplicateChain;)
        {
            var link = await FindAsync(scope, id, cancellationToken) ?? throw new DomainException("Archive.DuplicateNotFound");
            originals[id] = link.OriginalId;
            next = link.OriginalId;
        }

        var originalId = Report.OriginalOf(self.Id, chosen.Id, id => originals.GetValueOrDefault(id));
        var original = await db.Reports.FirstAsync(r => r.Id == originalId, cancellationToken);

        // Supporters move over; one who supported both counts once.
        var supporters = await db.ReportSupports.Where(s => s.ReportId == self.Id).ToListAsync(cancellationToken);
        var already = supporters.Count == 0 ? []
            : (await db.ReportSupports.Where(s => s.ReportId == originalId).Select(s => s.UserId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var moved = 0;
        foreach (var support in supporters)
        {
            db.ReportSupports.Remove(support);
            if (!already.Contains(support.UserId))
            {
                db.ReportSupports.Add(new ReportSupport(originalId, support.UserId, support.CreatedAt));
                moved++;
            }
        }

        self.ArchiveAsDuplicate(actor, original, typedMessage, t["Similar.MessageToReporter", original.TrackingNumber],
            moved, t["Similar.OriginalNote", self.TrackingNumber, moved], step.Now);
    }

    private sealed record Link(long Id, long? OriginalId);

    private Task<Link?> FindAsync(ReportScope scope, string? number, CancellationToken cancellationToken) =>
        number is null ? Task.FromResult<Link?>(null) : FindAsync(scope, r => r.TrackingNumber == number, cancellationToken);

    private Task<Link?> FindAsync(ReportScope scope, long id, CancellationToken cancellationToken) => FindAsync(scope, r => r.Id == id, cancellationToken);

    private Task<Link?> FindAsync(ReportScope scope, Expression<Func<Report, bool>> which, CancellationToken cancellationToken) =>
        scope.Apply(db.Reports.AsNoTracking()).Where(which)
            .Select(r => new Link(r.Id, r.ArchiveReason == ArchiveReason.Duplicate ? r.DuplicateOfReportId : null))
            .FirstOrDefaultAsync(cancellationToken);
}
