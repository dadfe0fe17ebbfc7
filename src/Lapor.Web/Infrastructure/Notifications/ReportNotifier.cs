using System.Text.Json;
using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>
/// Turns the history a change just wrote into outbox rows, in the same save: officers hear of new
/// dispositions and replies, coordinators of returned reports, reporters of answers, questions and
/// completion. Staff mails name the report, never the reporter.
/// </summary>
public sealed class ReportNotifier(LaporDbContext db, Recipients recipients, TimeProvider clock)
{
    /// <summary>Queues the notifications for the routing entries after the first <paramref name="alreadyRecorded"/>.</summary>
    public async Task QueueAsync(Report report, int alreadyRecorded, CancellationToken cancellationToken)
    {
        foreach (var entry in report.Routing.Skip(alreadyRecorded).ToList())
        {
            switch (entry.Action)
            {
                case RoutingAction.Verify or RoutingAction.Delegate or RoutingAction.Refer when entry.ToAgencyId is { } agency:
                    await ToStaffAsync(report, "NewDisposition", await recipients.InAgenciesAsync([agency], Roles.Officer, cancellationToken));
                    break;
                case RoutingAction.Return:
                    await ToStaffAsync(report, "Returned", await recipients.CoordinatorsOverAsync(entry.FromAgencyId, cancellationToken));
                    break;
                case RoutingAction.ReporterReply:
                    var working = report.OpenAssignments().Select(a => a.AgencyId).ToList();
                    await ToStaffAsync(report, "ReporterReplied", await recipients.InAgenciesAsync(working, Roles.Officer, cancellationToken));
                    break;
                case RoutingAction.AddInformation:
                    await ToStaffAsync(report, "ReporterReplied", await recipients.CoordinatorsOverAsync(report.TargetAgencyId, cancellationToken));
                    break;
                case RoutingAction.FirstResponse:
                    await ToReporterAsync(report, "ResponsePosted", cancellationToken);
                    break;
                case RoutingAction.FinalResponse:
                    await ToReporterAsync(report, "FinalResponse", cancellationToken);
                    break;
                case RoutingAction.RequestInformation or RoutingAction.Hold:
                    await ToReporterAsync(report, "InformationRequested", cancellationToken);
                    break;
                case RoutingAction.Archive or RoutingAction.ExpireHold:
                    await ToReporterAsync(report, "Archived", cancellationToken);
                    break;
                case RoutingAction.Accept or RoutingAction.AutoComplete when entry.ToStatus == ReportStatus.Completed:
                    await ToReporterAsync(report, "Completed", cancellationToken);
                    break;
            }
        }
    }

    private Task ToStaffAsync(Report report, string template, IEnumerable<Recipients.Person> people)
    {
        foreach (var person in people.DistinctBy(p => p.Email))
        {
            Enqueue(report, template, person.Email, person.Culture);
            if (person.UserId is { } userId)
            {
                db.StaffNotifications.Add(new StaffNotification(userId, template, report.Id, report.TrackingNumber, clock.GetUtcNow()));
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The reporter's own address: from the filing form, or their account.</summary>
    private async Task ToReporterAsync(Report report, string template, CancellationToken cancellationToken)
    {
        var email = await db.ReporterIdentities.Where(i => i.ReportId == report.Id).Select(i => i.Email).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Users.Where(u => u.Id == report.ReporterUserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(email))
        {
            Enqueue(report, template, email, "id");
        }
    }

    private void Enqueue(Report report, string template, string recipient, string culture) =>
        db.OutboxMessages.Add(new OutboxMessage(NotificationChannel.Email, template, recipient, culture,
            JsonSerializer.Serialize(new Dictionary<string, string> { ["TrackingNumber"] = report.TrackingNumber, ["Title"] = report.Title }),
            report.Id, clock.GetUtcNow()));
}
