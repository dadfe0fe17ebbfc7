using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Staffing;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Features.StaffWork.ReportPage;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>
/// Who works on an agency's share: an officer takes it ("ambil"), or it is handed to a colleague, one
/// report at a time from its page or several at once from the list, together with the other safe bulk
/// steps (the same internal note, marking read). Each report is its own change: one refused does not undo the others.
/// </summary>
public static class Ownership
{
    /// <summary>The most reports one bulk step takes: two pages of the list.</summary>
    public const int MaxReports = 2 * AgencyInbox.PageSize;

    public enum BulkAction
    {
        Take,
        Assign,
        Note,
        MarkRead,
    }

    public sealed class BulkForm
    {
        public List<string> Reports { get; set; } = [];
        public BulkAction? Action { get; set; }
        public string? OfficerUserId { get; set; }
        public string? Text { get; set; }
    }

    /// <summary>How many reports took the step, and the tracking numbers (with the reason's key) of those that did not.</summary>
    public sealed record Outcome(int Done, IReadOnlyList<(string TrackingNumber, string Code)> Refused);

    public sealed class Handler(LaporDbContext db, ReportWork work, Readings readings)
    {
        /// <summary>Gives <paramref name="trackingNumber"/>'s share at the user's agency to <paramref name="officerUserId"/> (the user themself to take it).</summary>
        public Task<WorkResult> EntrustAsync(ReportScope scope, StaffRoles roles, string trackingNumber, int? version, string officerUserId, CancellationToken cancellationToken) =>
            work.RunAsync(Find(scope, trackingNumber), version, s => EntrustAsync(s, scope, roles, officerUserId, cancellationToken), cancellationToken);

        /// <summary>Whether the report has a share at one of the user's agencies (is in their inbox at all).</summary>
        public Task<bool> InInboxAsync(ReportScope scope, string trackingNumber, CancellationToken cancellationToken) =>
            work.ExistsAsync(Find(scope, trackingNumber), cancellationToken);

        public async Task<Outcome> BulkAsync(ReportScope scope, StaffRoles roles, BulkForm form, CancellationToken cancellationToken)
        {
            var refused = new List<(string, string)>();
            var done = 0;
            foreach (var number in form.Reports.Select(TrackingNumber.Normalize).OfType<string>().Distinct().Take(MaxReports))
            {
                var result = form.Action switch
                {
                    BulkAction.MarkRead => await MarkReadAsync(scope, number, cancellationToken),
                    BulkAction.Note => await work.RunAsync(Find(scope, number), null, s =>
                    {
                        s.Report.AddNote(Officer(scope, roles), form.Text!, s.Now);
                        return Task.CompletedTask;
                    }, cancellationToken),
                    BulkAction.Take => await EntrustAsync(scope, roles, number, null, scope.UserId, cancellationToken),
                    _ => await EntrustAsync(scope, roles, number, null, form.OfficerUserId!, cancellationToken),
                };
                if (result.Outcome == WorkOutcome.Done)
                {
                    // The user's own step does not make the report unread for them.
                    await readings.SawAsync(scope.UserId, number, cancellationToken);
                    done++;
                }
                else
                {
                    refused.Add((number, result.Outcome == WorkOutcome.Refused ? $"Domain.{result.Code}" : result.Outcome == WorkOutcome.Conflict ? "Error.ConflictStaff" : "Inbox.Bulk.NotFound"));
                }
            }

            return new Outcome(done, refused);
        }

        private async Task EntrustAsync(ReportWork.Step s, ReportScope scope, StaffRoles roles, string officerUserId, CancellationToken cancellationToken)
        {
            var actor = roles.IsOfficer ? Officer(scope, roles) : new Actor(scope.UserId, ActorRole.AgencyHead) { Agencies = scope.AssignedAgencies.ToArray() };
            var share = s.Report.OpenAssignments().FirstOrDefault(a => actor.Agencies.Contains(a.AgencyId)) ?? throw new DomainException("Assignment.NotOpen");

            // Only to an active liaison officer of that agency: not to a disabled account, a citizen or another agency's officer.
            var name = await UnstaffedWork.ActiveOfficers(db).Where(m => m.AgencyId == share.AgencyId && m.UserId == officerUserId)
                .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => u.FullName).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("Entrust.NotAColleague");
            s.Report.Entrust(actor, officerUserId, name, s.Now);
        }

        private async Task<WorkResult> MarkReadAsync(ReportScope scope, string number, CancellationToken cancellationToken)
        {
            var report = await Find(scope, number)(db.Reports.AsNoTracking()).Select(r => new { r.Id, r.Version }).FirstOrDefaultAsync(cancellationToken);
            if (report is null)
            {
                return WorkResult.NotFound;
            }

            await readings.SawAsync(scope.UserId, report.Id, report.Version, cancellationToken);
            return WorkResult.Done;
        }

        /// <summary>Only reports with a share at one of the user's own agencies: the agency inbox's rows.</summary>
        private static Func<IQueryable<Report>, IQueryable<Report>> Find(ReportScope scope, string trackingNumber)
        {
            var agencies = scope.AssignedAgencies.ToArray();
            return reports => scope.Apply(reports).Where(r => r.TrackingNumber == trackingNumber && r.Assignments.Any(a => agencies.Contains(a.AgencyId)));
        }

        private static Actor Officer(ReportScope scope, StaffRoles roles) =>
            roles.IsOfficer ? Actor.Officer(scope.UserId, scope.AssignedAgencies.ToArray()) : throw new DomainException("Lifecycle.NotAllowed");
    }
}
