using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Domain.Tags;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.Tags;

/// <summary>
/// A coordinator attaches tags to a report (a label not on the list yet joins it) and removes them.
/// Staff only: the history line each change leaves is hidden from the reporter and the public, and no one is told.
/// </summary>
public static class ReportTags
{
    public sealed class AttachForm
    {
        public string? Label { get; set; }
    }

    public sealed class RemoveForm
    {
        public int TagId { get; set; }
    }

    /// <summary>The report's tags, and for coordinators the whole list to choose from.</summary>
    public sealed record Panel(string TrackingNumber, IReadOnlyList<Item> Attached, IReadOnlyList<string> Known, bool MayChange);

    public sealed record Item(int Id, string Label);

    public sealed class Handler(LaporDbContext db, ReportWork work, TimeProvider clock)
    {
        public Task<bool> InScopeAsync(ReportScope scope, string trackingNumber, CancellationToken cancellationToken) =>
            work.ExistsAsync(Find(scope, trackingNumber), cancellationToken);

        /// <summary>Attaches the tag <paramref name="typed"/> names, adding it to the list first when it is new.</summary>
        public async Task<WorkResult> AttachAsync(ReportScope scope, string trackingNumber, string? typed, CancellationToken cancellationToken)
        {
            var label = TagLabel.Normalize(typed, out var error);
            if (label is null)
            {
                return WorkResult.Refused(error!);
            }

            var tag = await db.Tags.FirstOrDefaultAsync(t => t.Label == label, cancellationToken);
            if (tag is null)
            {
                tag = new Tag(label, clock.GetUtcNow());
                db.Tags.Add(tag);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another coordinator added the same label meanwhile: use theirs.
                    db.ChangeTracker.Clear();
                    tag = await db.Tags.FirstAsync(t => t.Label == label, cancellationToken);
                }
            }

            return await work.RunAsync(Find(scope, trackingNumber), null, async s =>
            {
                await db.Entry(s.Report).Collection(r => r.Tags).LoadAsync(cancellationToken);
                s.Report.AttachTag(Coordinator(scope), tag.Id, tag.Label, s.Now);
            }, cancellationToken);
        }

        public async Task<WorkResult> RemoveAsync(ReportScope scope, string trackingNumber, int tagId, CancellationToken cancellationToken)
        {
            var label = await db.Tags.Where(t => t.Id == tagId).Select(t => t.Label).FirstOrDefaultAsync(cancellationToken);
            if (label is null)
            {
                return WorkResult.Refused("Tag.Unknown");
            }

            return await work.RunAsync(Find(scope, trackingNumber), null, async s =>
            {
                await db.Entry(s.Report).Collection(r => r.Tags).LoadAsync(cancellationToken);
                s.Report.RemoveTag(Coordinator(scope), tagId, label, s.Now);
            }, cancellationToken);
        }

        /// <summary>One query: every tag on the list, marked when the report has it (coordinators choose from the rest).</summary>
        public async Task<Panel> PanelAsync(string trackingNumber, long reportId, bool mayChange, CancellationToken cancellationToken)
        {
            var tags = await db.Tags.AsNoTracking()
                .Where(t => mayChange || db.ReportTags.Any(rt => rt.ReportId == reportId && rt.TagId == t.Id))
                .OrderBy(t => t.Label)
                .Select(t => new { t.Id, t.Label, Attached = db.ReportTags.Any(rt => rt.ReportId == reportId && rt.TagId == t.Id) })
                .ToListAsync(cancellationToken);
            return new Panel(trackingNumber, [.. tags.Where(t => t.Attached).Select(t => new Item(t.Id, t.Label))],
                [.. tags.Where(t => !t.Attached).Select(t => t.Label)], mayChange);
        }

        private static Func<IQueryable<Report>, IQueryable<Report>> Find(ReportScope scope, string trackingNumber) =>
            reports => scope.Apply(reports).Where(r => r.TrackingNumber == trackingNumber);

        private static Actor Coordinator(ReportScope scope) => new(scope.UserId, ActorRole.Coordinator);
    }
}
