using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Notifications;
using Lapor.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.IntegrationTests.Infrastructure.Notifications;

/// <summary>
/// The outbox against a real SMTP server on loopback. Guarantee tested: every message is delivered
/// at least once; a crash between sending and recording the send delivers it again.
/// </summary>
public sealed class OutboxTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>, IDisposable
{
    private readonly SmtpSink _smtp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    // IDisposable, not IAsyncDisposable: xunit v2 never calls the latter on a test class, which left an SMTP server running after every test.
    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task ServerDown_MessageIsRetriedLaterAndDeliveredOnce()
    {
        var id = await EnqueueAsync("LPR-DOWN-2345");

        Assert.Equal(0, await DispatchAsync());
        var failed = await RowAsync(id);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentAt);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(1), failed.NextAttemptAt);

        await _smtp.StartAsync();
        Assert.Equal(0, await DispatchAsync()); // still backing off
        _clock.Advance(TimeSpan.FromMinutes(2));
        var delivered = await DispatchAsync();
        Assert.True(delivered == 1, (await RowAsync(id)).LastError);
        Assert.Equal(0, await DispatchAsync());

        Assert.Single(_smtp.Messages(), m => m.Contains("LPR-DOWN-2345", StringComparison.Ordinal));
        Assert.NotNull((await RowAsync(id)).SentAt);
    }

    [Fact]
    public async Task TwoDispatchersAtOnce_SendEachMessageOnce()
    {
        await _smtp.StartAsync();
        var numbers = Enumerable.Range(0, 6).Select(i => $"LPR-TWIN-{i}{i}{i}{i}".Replace("0", "A", StringComparison.Ordinal).Replace("1", "B", StringComparison.Ordinal)).ToList();
        foreach (var number in numbers)
        {
            await EnqueueAsync(number);
        }

        var sent = await Task.WhenAll(DispatchAsync(), DispatchAsync());

        Assert.Equal(numbers.Count, sent.Sum());
        foreach (var number in numbers)
        {
            Assert.Single(_smtp.Messages(), m => m.Contains(number, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CrashAfterSendingBeforeRecording_MessageIsSentAgainOnceTheClaimExpires()
    {
        await _smtp.StartAsync();
        var id = await EnqueueAsync("LPR-CRSH-2345");

        await Assert.ThrowsAsync<OperationCanceledException>(() => DispatchAsync(new CrashAfterSend(Smtp())));
        Assert.Null((await RowAsync(id)).SentAt);
        Assert.Equal(0, await DispatchAsync()); // the dead instance's claim still holds

        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await DispatchAsync());

        Assert.Equal(2, _smtp.Messages().Count(m => m.Contains("LPR-CRSH-2345", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ServerNeverAnswers_MessageIsDeadLetteredAfterMaxAttempts()
    {
        var id = await EnqueueAsync("LPR-DEAD-2345");

        for (var i = 0; i < OutboxMessage.MaxAttempts + 2; i++)
        {
            await DispatchAsync();
            _clock.Advance(TimeSpan.FromHours(7));
        }

        var row = await RowAsync(id);
        Assert.Equal(OutboxMessage.MaxAttempts, row.Attempts);
        Assert.NotNull(row.DeadLetteredAt);
        Assert.Null(row.SentAt);
    }

    [Fact]
    public async Task DeadLetters_AreShownToAdministratorsMaskedAndCanBeSentAgain()
    {
        await StaffWorld.CreateAsync(app);
        var id = await EnqueueAsync("LPR-ADMN-2345");
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            await DispatchAsync();
            _clock.Advance(TimeSpan.FromHours(7));
        }

        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var page = await admin.OpenAsync("/admin/surat");
        Assert.Contains("w***@contoh.id", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("warga@contoh.id", page.Html, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync("/admin/surat")).Status);

        await admin.Client.PostAsync($"/admin/surat/{id}/kirim-ulang", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await admin.TokenAsync() }));

        var row = await RowAsync(id);
        Assert.Null(row.DeadLetteredAt);
        Assert.Equal(0, row.Attempts);
    }

    [Fact]
    public async Task Mail_IsInTheRecipientsLanguage()
    {
        await _smtp.StartAsync();
        await EnqueueAsync("LPR-ENGL-2345", culture: "en");

        await DispatchAsync();

        var mail = Assert.Single(_smtp.Messages(), m => m.Contains("LPR-ENGL-2345", StringComparison.Ordinal));
        Assert.Contains("We have received report LPR-ENGL-2345", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationMail_NamesTheDeadlineInTheRecipientsLanguage_TitleStaysPlainText()
    {
        await _smtp.StartAsync();
        await app.WithDbAsync(async db =>
        {
            var payload = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["TrackingNumber"] = "LPR-LATE-2345", ["Title"] = "@DeadlineKey {TrackingNumber}", ["DueOn"] = "2026-11-20", ["DeadlineKey"] = "Deadline.FirstResponse",
            });
            db.OutboxMessages.Add(new OutboxMessage(NotificationChannel.Email, "EscalationBreach", "petugas@contoh.id", "id", payload, null, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        await DispatchAsync();

        var mail = Assert.Single(_smtp.Messages(), m => m.Contains("LPR-LATE-2345", StringComparison.Ordinal));
        Assert.Contains("tanggapan pertama (20 November 2026)", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("FirstResponse", mail, StringComparison.Ordinal);
    }

    private SmtpMailSender Smtp() =>
        new(Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = _smtp.Port, SmtpUseTls = false }));

    private async Task<int> DispatchAsync(IMailSender? sender = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var dispatcher = new OutboxDispatcher(scope.ServiceProvider.GetRequiredService<LaporDbContext>(), sender ?? Smtp(), scope.ServiceProvider.GetRequiredService<IChannelMessageSender>(), scope.ServiceProvider.GetRequiredService<WebhookSender>(),
            scope.ServiceProvider.GetRequiredService<MailTemplates>(), _clock, scope.ServiceProvider.GetRequiredService<LaporMetrics>(), NullLogger<OutboxDispatcher>.Instance);
        return await dispatcher.RunOnceAsync(CancellationToken.None);
    }

    private Task<long> EnqueueAsync(string trackingNumber, string culture = "id") => app.WithDbAsync(async db =>
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, string> { ["TrackingNumber"] = trackingNumber, ["Title"] = "Uji" });
        var message = new OutboxMessage(NotificationChannel.Email, "FilingConfirmation", "warga@contoh.id", culture, payload, null, _clock.GetUtcNow());
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private Task<OutboxMessage> RowAsync(long id) => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Delivers, then dies before the dispatcher can record it: the process-crash case.</summary>
    private sealed class CrashAfterSend(IMailSender inner) : IMailSender
    {
        public async Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            throw new OperationCanceledException("Simulated crash after delivery.");
        }
    }
}
