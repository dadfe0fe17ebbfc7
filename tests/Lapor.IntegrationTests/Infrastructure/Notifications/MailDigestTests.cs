using System.Text;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Notifications;
using Lapor.Web.Infrastructure.Telemetry;
using Lapor.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Lapor.IntegrationTests.Infrastructure.Notifications;

/// <summary>
/// The daily digest against a real SMTP server: staff who chose it get one mail a day (from 07:00
/// WIB) listing everything held for them, never an item twice; everyone else still gets single mails.
/// Each test uses its own addresses, since the class shares one database.
/// </summary>
public sealed class MailDigestTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>, IDisposable
{
    private readonly SmtpSink _smtp = new();

    // Monday 23 November 2026, 09:00 WIB.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task DigestPeople_GetOneMailNextMorningWithEveryItem_OthersGetSingleMailsAtOnce()
    {
        await _smtp.StartAsync();
        var world = await StaffWorld.CreateAsync(app);
        await ChooseDigestAsync(StaffWorld.Coordinator, StaffWorld.HeadA);
        await QueueAsync(async (outbox, recipients) =>
        {
            var coordinator = Assert.Single(await recipients.CoordinatorsOverAsync(world.AgencyA, CancellationToken.None));
            var head = Assert.Single(await recipients.InAgenciesAsync([world.AgencyA], Roles.AgencyHead, CancellationToken.None));
            var officer = Assert.Single(await recipients.InAgenciesAsync([world.AgencyA], Roles.Officer, CancellationToken.None));
            Assert.True(coordinator.Digest && head.Digest && !officer.Digest);

            outbox.ToStaff(coordinator, "Returned", Plain("Jalan rusak"), 1, "LPR-DGST-AAAA", Now);
            outbox.ToStaff(coordinator, "EscalationBreach", Breach("2026-11-20"), 2, "LPR-DGST-BBBB", Now);
            outbox.ToStaff(head, "EscalationAgencyHeadAlert", Breach("2026-11-20"), 2, "LPR-DGST-BBBB", Now);
            outbox.ToStaff(officer, "NewDisposition", Plain("Lampu mati"), 3, "LPR-DGST-CCCC", Now);
            outbox.ToReporter(NotificationChannel.Email, "pelapor.dgst@contoh.id", "id", "ResponsePosted", Plain("Jalan rusak"), 1, Now);
        });

        // In-app notices are never held.
        Assert.Equal(4, await app.WithDbAsync(db => db.StaffNotifications.CountAsync(n => n.TrackingNumber.StartsWith("LPR-DGST"))));

        await DispatchAsync();
        Assert.Contains("LPR-DGST-CCCC", Single(StaffWorld.OfficerA).TextBody, StringComparison.Ordinal);
        Assert.Single(MailsTo("pelapor.dgst@contoh.id"));
        Assert.Empty(MailsTo(StaffWorld.Coordinator));
        Assert.Equal(0, await DigestAsync()); // today's digest went out at 07:00, before these arrived

        _clock.Advance(TimeSpan.FromHours(21) + TimeSpan.FromMinutes(59)); // Tuesday 06:59 WIB
        await DigestAsync();
        Assert.Empty(MailsTo(StaffWorld.Coordinator));

        _clock.Advance(TimeSpan.FromMinutes(1));
        await DigestAsync();
        var digest = Single(StaffWorld.Coordinator);
        Assert.Equal("Ringkasan harian Lapor: 2 pemberitahuan", digest.Subject);
        Assert.Contains("Laporan dikembalikan instansi: LPR-DGST-AAAA", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Terlambat (tanggapan pertama): laporan LPR-DGST-BBBB di Dinas A", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("/inbox/LPR-DGST-AAAA", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("/inbox/LPR-DGST-BBBB", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("LPR-DGST-BBBB", Single(StaffWorld.HeadA).TextBody, StringComparison.Ordinal);

        await DigestAsync();
        _clock.Advance(TimeSpan.FromHours(3));
        await DigestAsync();
        Assert.Single(MailsTo(StaffWorld.Coordinator));
        Assert.Single(MailsTo(StaffWorld.HeadA));
        Assert.Single(MailsTo(StaffWorld.OfficerA));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.HeldForDigest && m.SentAt == null && m.PayloadJson.Contains("LPR-DGST"))));
    }

    [Fact]
    public async Task TwoDigestJobsAtOnce_SendEachItemOnce()
    {
        await _smtp.StartAsync();
        await QueueAsync((outbox, _) =>
        {
            foreach (var number in new[] { "LPR-TWIN-AAAA", "LPR-TWIN-BBBB", "LPR-TWIN-CCCC" })
            {
                outbox.ToStaff(Held("ringkas.kembar@uji.id"), "Returned", Plain("Uji"), 1, number, Now);
            }

            return Task.CompletedTask;
        });
        _clock.Advance(TimeSpan.FromDays(1));

        await Task.WhenAll(DigestAsync(), DigestAsync());

        var digest = Assert.Single(MailsTo("ringkas.kembar@uji.id"));
        Assert.Equal(3, digest.TextBody!.Split("/inbox/LPR-TWIN-").Length - 1);
    }

    [Fact]
    public async Task ServerDownAtDigestTime_DigestIsRetriedAndSentOnce()
    {
        await QueueAsync((outbox, _) =>
        {
            outbox.ToStaff(Held("ringkas.gagal@uji.id"), "Returned", Plain("Uji"), 1, "LPR-DOWN-DDDD", Now);
            return Task.CompletedTask;
        });
        _clock.Advance(TimeSpan.FromDays(1));

        await DigestAsync();
        var failed = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == "ringkas.gagal@uji.id"));
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentAt);

        await _smtp.StartAsync();
        _clock.Advance(TimeSpan.FromMinutes(2));
        await DigestAsync();
        await DigestAsync();

        Assert.Contains("LPR-DOWN-DDDD", Assert.Single(MailsTo("ringkas.gagal@uji.id")).TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "tanggapan pertama (27 Oktober 2026)")]
    [InlineData("en", "(first response, 27 October 2026)")]
    public async Task DatesInMail_AreWrittenOutInTheReadersLanguage(string culture, string expected)
    {
        await _smtp.StartAsync();
        var recipient = $"tanggal.{culture}@uji.id";
        await QueueAsync((outbox, _) =>
        {
            outbox.ToStaff(new Recipients.Person(recipient, culture), "EscalationBreach", Breach(MailTemplates.Date(new DateOnly(2026, 10, 27))), 4, "LPR-DATE-EEEE", Now);
            return Task.CompletedTask;
        });

        await DispatchAsync();

        var body = Single(recipient).TextBody;
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-10-27", body, StringComparison.Ordinal);
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    private static Recipients.Person Held(string email) => new(email, "id", Digest: true);

    private static Dictionary<string, string> Plain(string title) => new() { ["Title"] = title };

    private static Dictionary<string, string> Breach(string dueOn) =>
        new() { ["Title"] = "Uji", ["Agency"] = "Dinas A", ["DueOn"] = dueOn, ["DeadlineKey"] = "Deadline.FirstResponse", ["WorkingDaysLate"] = "1" };

    private async Task ChooseDigestAsync(params string[] emails) => await app.WithDbAsync(db =>
        db.Users.Where(u => emails.Contains(u.Email)).ExecuteUpdateAsync(set => set.SetProperty(u => u.MailDigest, true)));

    private async Task QueueAsync(Func<NotificationOutbox, Recipients, Task> queue)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await queue(scope.ServiceProvider.GetRequiredService<NotificationOutbox>(), scope.ServiceProvider.GetRequiredService<Recipients>());
        await scope.ServiceProvider.GetRequiredService<LaporDbContext>().SaveChangesAsync();
    }

    private SmtpMailSender Smtp() => new SmtpMailSender(Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = _smtp.Port, SmtpUseTls = false }));

    private async Task<int> DispatchAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await new OutboxDispatcher(services.GetRequiredService<LaporDbContext>(), Smtp(), services.GetRequiredService<IChannelMessageSender>(), services.GetRequiredService<WebhookSender>(),
            services.GetRequiredService<MailTemplates>(), _clock, services.GetRequiredService<LaporMetrics>(), NullLogger<OutboxDispatcher>.Instance).RunOnceAsync(CancellationToken.None);
    }

    private async Task<int> DigestAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await new MailDigestJob(services.GetRequiredService<LaporDbContext>(), Smtp(), services.GetRequiredService<MailTemplates>(),
            services.GetRequiredService<LocalTime>(), services.GetRequiredService<IOptions<MailOptions>>(), _clock, services.GetRequiredService<LaporMetrics>(),
            NullLogger<MailDigestJob>.Instance).RunOnceAsync(CancellationToken.None);
    }

    private List<MimeMessage> MailsTo(string address) =>
        [.. _smtp.Messages().Select(raw => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw))))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == address))];

    private MimeMessage Single(string address) => Assert.Single(MailsTo(address));
}
