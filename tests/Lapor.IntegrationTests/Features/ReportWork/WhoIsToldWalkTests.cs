using System.Globalization;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.ReportWork;

/// <summary>
/// Walks the who-is-told table against a real database and real accounts: for every event kind,
/// about a staffed agency, an agency without officer and no agency, exactly the people the table
/// names get exactly one message each, on their channel — and nobody else.
/// </summary>
public sealed partial class WhoIsToldWalkTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string ReporterEmail = "andi@contoh.id";

    [Fact]
    public async Task EveryEvent_ReachesExactlyTheTablesPeople_OncePerPerson()
    {
        var world = await StaffWorld.CreateAsync(app);
        var unstaffed = await app.WithDbAsync(async db =>
        {
            var agency = new Agency("Dinas Tanpa Petugas", "UJI-C", AgencyKind.Opd, world.Region);
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            return agency.Id;
        });
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)), ("AgencyIds", unstaffed.ToString(CultureInfo.InvariantCulture)));
        var templates = app.Services.GetRequiredService<MailTemplates>();

        // A citizen supports the public report, and so follows it.
        var supporter = await Staff.SignInAsync(app, StaffWorld.CitizenX);
        var supported = await supporter.Client.PostAsync($"/laporan/{number}/dukung",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await supporter.TokenAsync() }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, supported.StatusCode);

        // Both agencies answered, so every date a message may name exists (the reporter's window too).
        await StoredReports.ActAsync(app, number, (report, schedule) =>
        {
            report.RespondFinal(Actor.Officer(null!, [world.AgencyA]), "Selesai.", MessageVisibility.Public, schedule, DateTimeOffset.UtcNow);
            report.RespondFinal(Actor.Officer(null!, [unstaffed]), "Selesai.", MessageVisibility.Public, schedule, DateTimeOffset.UtcNow);
        });

        // Who each audience is, written out by hand for this world.
        IReadOnlyList<string> People(NoticeAudience audience, int? agency) => (audience, agency) switch
        {
            (NoticeAudience.Reporter, _) => [ReporterEmail],
            (NoticeAudience.Handlers or NoticeAudience.Officers, var a) when a == world.AgencyA => [StaffWorld.OfficerA],
            (NoticeAudience.Handlers, _) => [StaffWorld.Coordinator],
            (NoticeAudience.Officers, _) => [],
            (NoticeAudience.AgencyHeads, var a) when a == world.AgencyA => [StaffWorld.HeadA],
            (NoticeAudience.AgencyHeads, _) => [],
            (NoticeAudience.Followers, _) => [StaffWorld.CitizenX],
            _ => [StaffWorld.Coordinator],
        };

        var failures = new List<string>();
        foreach (var kind in Enum.GetValues<ReportEventKind>())
        {
            foreach (var agency in new int?[] { world.AgencyA, unstaffed, null })
            {
                var e = new ReportEvent(kind, Actor.System, DateTimeOffset.UtcNow)
                {
                    AgencyId = agency,
                    Deadline = agency is null ? Deadline.Verify : Deadline.Completion,
                    DueOn = new DateOnly(2026, 10, 27),
                    WorkingDaysLate = 24,
                    Reason = "alasan untuk penerima",
                    ArchiveReason = ArchiveReason.NotPublicService,
                };
                var expected = WhoIsTold.For(e).SelectMany(n => People(n.To, agency)).Order(StringComparer.Ordinal).ToList();
                var sent = await QueueAsync(number, e);
                var recipients = sent.Select(m => m.Recipient).Order(StringComparer.Ordinal).ToList();
                if (!expected.Distinct().SequenceEqual(recipients))
                {
                    failures.Add($"{kind} @ {agency?.ToString(CultureInfo.InvariantCulture) ?? "none"}: expected [{string.Join(", ", expected.Distinct())}], got [{string.Join(", ", recipients)}]");
                }

                // Every placeholder of every text is filled, in both languages (events about an agency only where they can happen).
                if (agency is not null || !AboutAnAgency.Contains(kind))
                {
                    foreach (var m in sent)
                    {
                        foreach (var culture in new[] { "id", "en" })
                        {
                            var mail = templates.Compose(m.Template, m.Recipient, culture, m.PayloadJson);
                            var text = $"{mail.Subject}\n{mail.TextBody}\n{templates.ComposeText(m.Template, culture, m.PayloadJson)}";
                            if (Placeholder().Match(m.Channel == NotificationChannel.Email ? $"{mail.Subject}\n{mail.TextBody}" : text) is { Success: true } left)
                            {
                                failures.Add($"{kind} @ {agency?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {m.Template} ({culture}) leaves {left.Value}");
                            }
                        }
                    }
                }

                if (sent.Any(m => m.Channel != NotificationChannel.Email))
                {
                    failures.Add($"{kind}: a web reporter and staff are told by e-mail");
                }

                if (kind == ReportEventKind.Routed && agency == unstaffed && sent.Any(m => m.Template != WhoIsTold.Unstaffed))
                {
                    failures.Add("A routing to an agency without officer reaches the coordinators as Unstaffed");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task ReporterByChat_IsToldOnTheChatTheReportCameBy()
    {
        await StaffWorld.CreateAsync(app);
        var number = await app.WithDbAsync(async db =>
        {
            var schedule = await app.Services.CreateScope().ServiceProvider.GetRequiredService<Lapor.Web.Infrastructure.Deadlines.DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
            var report = Report.Submit(new ReportDraft(Classification.Complaint, "Lampu mati", "Lampu jalan mati.", null, null, null, null, null, null, false, false),
                Actor.System, Channel.Telegram, Guid.NewGuid(), null, schedule, DateTimeOffset.UtcNow);
            var reporter = new ReporterIdentity(report, "Budi", null, null, "id");
            reporter.AnswerOn(NotificationChannel.Telegram, "123456789");
            db.Reports.Add(report);
            db.ReporterIdentities.Add(reporter);
            await db.SaveChangesAsync();
            return report.TrackingNumber;
        });

        var sent = await QueueAsync(number, new ReportEvent(ReportEventKind.Responded, Actor.System, DateTimeOffset.UtcNow));

        var message = Assert.Single(sent);
        Assert.Equal((NotificationChannel.Telegram, "123456789", "ResponsePosted"), (message.Channel, message.Recipient, message.Template));
    }

    /// <summary>Events that only ever happen to one agency's share.</summary>
    private static readonly HashSet<ReportEventKind> AboutAnAgency =
    [
        ReportEventKind.Routed, ReportEventKind.Delegated, ReportEventKind.Referred, ReportEventKind.Withdrawn, ReportEventKind.Reminded,
        ReportEventKind.Responded, ReportEventKind.QuestionAsked, ReportEventKind.FinalSubmitted, ReportEventKind.FinalResponded,
        ReportEventKind.FinalRefused, ReportEventKind.Returned, ReportEventKind.ReporterReplied,
    ];

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>Runs the real table and recipient lookup for one event and returns the rows it wrote.</summary>
    private async Task<List<OutboxMessage>> QueueAsync(string number, ReportEvent e)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var report = await db.Reports.Include(r => r.Assignments).SingleAsync(r => r.TrackingNumber == number);
        var before = await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0;
        await scope.ServiceProvider.GetRequiredService<ReportNotices>().QueueAsync(report, [e], DateTimeOffset.UtcNow, CancellationToken.None);
        await db.SaveChangesAsync();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Id > before).ToListAsync();
    }
}
