using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// Turns the events a change recorded into outbox rows and in-app notices, by <see cref="WhoIsTold"/>:
/// each person hears once per event, on their own channel. Staff messages name the report and the
/// agency, never the reporter.
/// </summary>
public sealed class ReportNotices(LaporDbContext db, Recipients recipients, ReferenceData reference, NotificationOutbox outbox, ReportLinks links)
{
    /// <summary>The message with a new signed link that a reporter asks for on the tracking page.</summary>
    public const string ReportLinkTemplate = "ReportLink";

    public Task QueueAsync(Report report, DateTimeOffset now, CancellationToken cancellationToken) =>
        QueueAsync(report, report.Events, now, cancellationToken);

    public async Task QueueAsync(Report report, IEnumerable<ReportEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The reporter's address is looked up once per change, and only when an event concerns them.
        (NotificationChannel Channel, string? Address, string Culture)? reporter = null;
        IReadOnlyList<(NotificationChannel Channel, string Address, string Culture)>? followers = null;
        var deadlineNotices = new Dictionary<(string Email, string Template, Deadline Deadline, DateOnly DueOn), StaffNotice>();
        var staffNotices = new List<StaffNotice>();
        foreach (var e in events)
        {
            var told = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var notices = WhoIsTold.For(e);
            var payload = notices.Count > 0 ? await PayloadAsync(report, e, cancellationToken) : [];
            foreach (var notice in notices)
            {
                if (notice.To == NoticeAudience.Reporter)
                {
                    reporter ??= await ReporterAsync(report, cancellationToken);
                    if (reporter is (var channel, { } address, var culture) && !string.IsNullOrWhiteSpace(address) && told.Add(address))
                    {
                        var toReporter = ForReporter(payload, report, e, channel);
                        outbox.ToReporter(channel, address, culture, notice.Template,
                            notice.WithReportLink || channel != NotificationChannel.Email ? WithLink(toReporter, report, address, now) : toReporter,
                            report.Id == 0 ? null : report.Id, now);
                    }

                    continue;
                }

                // Listed after the reporter: a reporter who also supports their own report hears once.
                if (notice.To == NoticeAudience.Followers)
                {
                    followers ??= await FollowersAsync(report, cancellationToken);
                    foreach (var (channel, address, culture) in followers.Where(f => told.Add(f.Address)))
                    {
                        outbox.ToReporter(channel, address, culture, notice.Template, ForFollowers(payload, report), report.Id, now);
                    }

                    continue;
                }

                // Whoever acted knows already.
                var (people, template) = await StaffAsync(report, e, notice, cancellationToken);
                foreach (var person in people.Where(p => p.UserId is null || p.UserId != e.Actor.UserId).Where(p => told.Add(p.Email)))
                {
                    // Someone who stands in for several agencies (the coordinators of unstaffed ones) hears a deadline of the
                    // report once per stage and due day, naming every agency it concerns — not in identical words per agency.
                    if (e is { Deadline: { } deadline, DueOn: { } dueOn } && deadlineNotices.TryGetValue((person.Email, template, deadline, dueOn), out var earlier))
                    {
                        earlier.AddAgency(payload.GetValueOrDefault("Agency"));
                        continue;
                    }

                    var staffNotice = new StaffNotice(person, template, payload);
                    staffNotices.Add(staffNotice);
                    if (e is { Deadline: { } noticeDeadline, DueOn: { } noticeDueOn })
                    {
                        deadlineNotices[(person.Email, template, noticeDeadline, noticeDueOn)] = staffNotice;
                    }
                }
            }
        }

        foreach (var staffNotice in staffNotices)
        {
            outbox.ToStaff(staffNotice.Person, staffNotice.Template, staffNotice.Payload, report.Id, report.TrackingNumber, now);
        }
    }

    /// <summary>One message to one staff member, which later events of the same change about the same deadline add their agency to.</summary>
    private sealed class StaffNotice(Recipients.Person person, string template, IReadOnlyDictionary<string, string> payload)
    {
        private readonly List<string> _agencies = payload.TryGetValue("Agency", out var agency) ? [agency] : [];

        public Recipients.Person Person => person;

        public string Template => template;

        public IReadOnlyDictionary<string, string> Payload => _agencies.Count > 1
            ? new Dictionary<string, string>(payload) { ["Agency"] = string.Join(", ", _agencies) }
            : payload;

        public void AddAgency(string? agency)
        {
            if (agency is not null && !_agencies.Contains(agency))
            {
                _agencies.Add(agency);
            }
        }
    }

    /// <summary>
    /// Queues a new signed link to the reporter's contact on file (the channel the report came by, else
    /// their e-mail). False when there is none; the caller must not tell the asker which it was.
    /// </summary>
    public async Task<bool> QueueReportLinkAsync(Report report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ReporterAsync(report, cancellationToken) is not (var channel, { } address, var culture) || string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        var payload = new Dictionary<string, string> { ["TrackingNumber"] = report.TrackingNumber, ["Title"] = report.Title };
        outbox.ToReporter(channel, address, culture, ReportLinkTemplate, WithLink(payload, report, address, now), report.Id, now);
        return true;
    }

    /// <summary>
    /// A chat reply carries the answer the reporter was given (public or for them alone, never a note):
    /// a feature phone may never open the page. A mail only says there is one, and the page shows it.
    /// </summary>
    private static IReadOnlyDictionary<string, string> ForReporter(IReadOnlyDictionary<string, string> payload, Report report, ReportEvent e, NotificationChannel channel)
    {
        var kind = e.Kind switch
        {
            ReportEventKind.Responded => MessageKind.Response,
            ReportEventKind.FinalResponded => MessageKind.FinalResponse,
            _ => (MessageKind?)null,
        };
        var answer = kind is null || channel == NotificationChannel.Email
            ? null
            : report.Messages.LastOrDefault(m => m.Kind == kind && m.AgencyId == e.AgencyId && m.Visibility != MessageVisibility.Internal);
        return answer is null ? payload : new Dictionary<string, string>(payload) { [MailTemplates.AnswerEntry] = answer.Body };
    }

    private Dictionary<string, string> WithLink(IReadOnlyDictionary<string, string> payload, Report report, string address, DateTimeOffset now)
    {
        var link = links.Create(report.TrackingNumber, address, now);
        return new Dictionary<string, string>(payload) { ["LinkToken"] = link.Token, ["LinkEndsOn"] = MailTemplates.Date(link.ValidUntil) };
    }

    private async Task<(IReadOnlyList<Recipients.Person> People, string Template)> StaffAsync(Report report, ReportEvent e, Notice notice, CancellationToken cancellationToken)
    {
        switch (notice.To)
        {
            case NoticeAudience.Handlers when e.AgencyId is { } agency:
                var officers = await recipients.InAgenciesAsync([agency], Roles.Officer, cancellationToken);
                if (officers.Count > 0)
                {
                    return (officers, notice.Template);
                }

                // Nobody works this agency's inbox: the coordinators hear instead, so nothing waits unseen.
                return (await recipients.CoordinatorsOverAsync(agency, cancellationToken), e.Kind == ReportEventKind.Routed ? WhoIsTold.Unstaffed : notice.Template);
            case NoticeAudience.Officers when e.AgencyId is { } agency:
                return (await recipients.InAgenciesAsync([agency], Roles.Officer, cancellationToken), notice.Template);
            case NoticeAudience.Officers:
                return ([], notice.Template);
            case NoticeAudience.AgencyHeads when e.AgencyId is { } agency:
                return (await recipients.InAgenciesAsync([agency], Roles.AgencyHead, cancellationToken), notice.Template);
            case NoticeAudience.AgencyHeads:
                return ([], notice.Template);
            default:
                return (await recipients.CoordinatorsOverAsync(e.AgencyId ?? report.TargetAgencyId, cancellationToken), notice.Template);
        }
    }

    /// <summary>The reporter on the channel they came by; else their e-mail (from the form or their account); else no address.</summary>
    private async Task<(NotificationChannel Channel, string? Address, string Culture)> ReporterAsync(Report report, CancellationToken cancellationToken)
    {
        var identity = db.ReporterIdentities.Local.FirstOrDefault(i => i.Report == report || (report.Id != 0 && i.ReportId == report.Id))
            ?? await db.ReporterIdentities.AsNoTracking().FirstOrDefaultAsync(i => i.ReportId == report.Id, cancellationToken);
        var account = report.ReporterUserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new Account(u.Email, u.PreferredCulture)).FirstOrDefaultAsync(cancellationToken)
            : null;
        return ReporterContact(identity, account);
    }

    private sealed record Account(string? Email, string? PreferredCulture);

    private static (NotificationChannel Channel, string? Address, string Culture) ReporterContact(ReporterIdentity? identity, Account? account)
    {
        var culture = account?.PreferredCulture ?? identity?.Culture ?? "id";
        return identity is { ReplyChannel: { } replyChannel, ReplyTo: { } replyTo }
            ? (replyChannel, replyTo, culture)
            : (NotificationChannel.Email, identity?.Email ?? account?.Email, culture);
    }

    /// <summary>
    /// Who follows the report (<see cref="NoticeAudience.Followers"/>), each with an address, three statements
    /// whatever their number: supporters by their account, reporters of its duplicates as those reporters are
    /// told (an erased identity leaves no address, so nobody).
    /// </summary>
    private async Task<IReadOnlyList<(NotificationChannel Channel, string Address, string Culture)>> FollowersAsync(Report report, CancellationToken cancellationToken)
    {
        if (report.Id == 0)
        {
            return [];
        }

        var merged = await db.Reports.AsNoTracking()
            .Where(r => r.DuplicateOfReportId == report.Id && r.ArchiveReason == ArchiveReason.Duplicate && r.Status == ReportStatus.Archived)
            .Select(r => new { r.Id, r.ReporterUserId, Identity = db.ReporterIdentities.FirstOrDefault(i => i.ReportId == r.Id) })
            .ToListAsync(cancellationToken);
        var supporters = db.ReportSupports.Where(s => s.ReportId == report.Id).Select(s => s.UserId);
        var mergedUsers = merged.Select(m => m.ReporterUserId).OfType<string>().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => supporters.Contains(u.Id) || mergedUsers.Contains(u.Id))
            .Select(u => new { u.Id, Account = new Account(u.Email, u.PreferredCulture) })
            .ToDictionaryAsync(u => u.Id, u => u.Account, cancellationToken);
        var supporterIds = await supporters.ToListAsync(cancellationToken);

        var contacts = supporterIds.Select(id => accounts.GetValueOrDefault(id)).OfType<Account>()
            .Select(a => (Channel: NotificationChannel.Email, Address: a.Email, Culture: a.PreferredCulture ?? "id"))
            .Concat(merged.Select(m => ReporterContact(m.Identity, m.ReporterUserId is { } user ? accounts.GetValueOrDefault(user) : null)));
        return [.. contacts.Where(c => !string.IsNullOrWhiteSpace(c.Address)).Select(c => (c.Channel, c.Address!, c.Culture))];
    }

    /// <summary>
    /// A follower reads what the public may: the number, and the public title and page only while the
    /// report is public (a duplicate's reporter may follow a confidential original). Never the reporter's
    /// reason or answer, nor a link that opens the report as its reporter.
    /// </summary>
    private static Dictionary<string, string> ForFollowers(Dictionary<string, string> payload, Report report)
    {
        var values = new Dictionary<string, string> { ["TrackingNumber"] = report.TrackingNumber };
        if (report.IsPublic)
        {
            values["Title"] = report.PublicTitle ?? report.Title;
            values["PublicPage"] = $"/laporan/{report.TrackingNumber}";
        }

        if (payload.TryGetValue("ArchiveReasonKey", out var reason))
        {
            values["ArchiveReasonKey"] = reason;
        }

        return values;
    }

    /// <summary>What the templates may say: the report, the agency, the dates and the reason written for this audience.</summary>
    private async Task<Dictionary<string, string>> PayloadAsync(Report report, ReportEvent e, CancellationToken cancellationToken)
    {
        var names = await reference.AgencyNamesAsync(cancellationToken);
        var payload = new Dictionary<string, string> { ["TrackingNumber"] = report.TrackingNumber, ["Title"] = report.Title };
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                payload[key] = value;
            }
        }

        Add("Agency", e.AgencyId is { } agency ? names.GetValueOrDefault(agency) : null);

        // A late verification is nobody's agency: the mail names the coordinators' stage instead.
        Add("AgencyKey", e.AgencyId is null && e.Deadline == Deadline.Verify ? "Mail.CoordinatorStage" : null);
        Add("FromAgency", e.FromAgencyId is { } from ? names.GetValueOrDefault(from) : null);
        Add("Agencies", e.Kind == ReportEventKind.Verified
            ? string.Join(", ", report.OpenAssignments().Select(a => names.GetValueOrDefault(a.AgencyId, "?")))
            : null);
        Add("Reason", e.Reason);

        // The agency's own clocks: when its answer is due, and until when the reporter may judge it.
        if (e.AgencyId is { } shareAgency && report.Assignments.LastOrDefault(a => a.AgencyId == shareAgency) is { } share)
        {
            Add("FirstResponseDueOn", MailTemplates.Date(share.FirstResponseDueOn));
            Add("CompletionDueOn", MailTemplates.Date(share.CompletionDueOn));
            Add("ReporterWindowEndsOn", share.ReporterWindowEndsOn is { } windowEnds ? MailTemplates.Date(windowEnds) : null);
        }

        // A chat confirmation says how to keep the report out of public view, or that it already is.
        Add("PrivacyKey", e.Kind == ReportEventKind.Filed ? (report.IsConfidential ? "Chat.FiledConfidential" : "Chat.PrivacyTip") : null);
        Add("ArchiveReasonKey", e.ArchiveReason is { } archive ? $"ArchiveReason.{archive}" : null);

        // A duplicate's reporter follows the original: its number, and its public page only when the public may open it.
        Add("Original", e.DuplicateOf);
        Add("OriginalPage", e.DuplicateOfIsPublic ? $"/laporan/{e.DuplicateOf}" : null);
        Add("DeadlineKey", e.Deadline is { } deadline ? $"Deadline.{deadline}" : null);
        Add("DueOn", e.DueOn is { } due ? MailTemplates.Date(due) : null);
        Add("WorkingDaysLate", e.WorkingDaysLate?.ToString(CultureInfo.InvariantCulture));
        return payload;
    }
}
