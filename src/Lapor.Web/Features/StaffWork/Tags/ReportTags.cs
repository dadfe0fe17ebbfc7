using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Domain.Tags;
using Lapor.Web.Features.Shared.Tags;
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
    public sealed class TagForm
    {
        public string? Label { get; set; }
    }

    /// <summary>The report's tags, and for coordinators the list to choose from.</summary>
    public sealed record Panel(string TrackingNumber, IReadOnlyList<string> Attached, IReadOnlyList<string> Known, bool MayChange);

    public sealed class Handler(LaporDbContext db, ReportWork work, TagList list)
    {
        public Task<bool> InScopeAsync(ReportScope scope, string trackingNumber, CancellationToken cancellationToken) =>
            work.ExistsAsync(Find(scope, trackingNumber), cancellationToken);

        /// <summary>Attaches the tag <paramref name="typed"/> names, adding it to the list first when it is new.</summary>
        public async Task<WorkResult> AttachAsync(ReportScope scope, string trackingNumber, string? typed, CancellationToken cancellationToken)
        {
            if (TagLabel.Normalize(typed, out var error) is not { } label)
            {
                return WorkResult.Refused(error!);
            }

            var tag = await list.FindOrAddAsync(label, cancellationToken);
            return await work.RunAsync(Find(scope, trackingNumber), null, async s =>
            {
                await db.Entry(s.Report).Collection(r => r.Tags).LoadAsync(cancellationToken);
                s.Report.AttachTag(Coordinator(scope), tag.Id, tag.Label, s.Now);
            }, cancellationToken);
        }

        public async Task<WorkResult> RemoveAsync(ReportScope scope, string trackingNumber, string? typed, CancellationToken cancellationToken)
        {
            var label = TagLabel.Normalize(typed, out _);
            var tagId = await db.Tags.Where(t => t.Label == label).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
            if (label is null || tagId is null)
            {
                return WorkResult.Refused("Tag.Unknown");
            }

            return await work.RunAsync(Find(scope, trackingNumber), null, async s =>
            {
                await db.Entry(s.Report).Collection(r => r.Tags).LoadAsync(cancellationToken);
                s.Report.RemoveTag(Coordinator(scope), tagId.Value, label, s.Now);
            }, cancellationToken);
        }

        /// <summary>The panel from the tags the report page already read; the list to choose from comes from the cache.</summary>
        public async Task<Panel> PanelAsync(string trackingNumber, IReadOnlyList<string> attached, bool mayChange, CancellationToken cancellationToken) =>
            new(trackingNumber, attached, mayChange ? [.. (await list.LabelsAsync(cancellationToken)).Except(attached)] : [], mayChange);

        private static Func<IQueryable<Report>, IQueryable<Report>> Find(ReportScope scope, string trackingNumber) =>
            reports => scope.Apply(reports).Where(r => r.TrackingNumber == trackingNumber);

        private static Actor Coordinator(ReportScope scope) => new(scope.UserId, ActorRole.Coordinator);
    }
}
