using Lapor.Web.Domain.Notifications;

namespace Lapor.UnitTests.Domain.Notifications;

/// <summary>How a failed delivery is scheduled: permanent refusals stop at once, a provider's Retry-After is honoured, a missing channel waits.</summary>
public sealed class OutboxFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Message() => new(NotificationChannel.Telegram, "FilingConfirmation", "5550001234", "id", "{}", null, Now);

    [Fact]
    public void PermanentFailure_IsGivenUpAtOnce()
    {
        var message = Message();

        message.MarkFailed("Telegram 403: Forbidden: bot was blocked by the user", Now, permanent: true);

        Assert.Equal((1, Now), (message.Attempts, message.DeadLetteredAt));
    }

    [Fact]
    public void RetryAfterLongerThanTheBackoff_PostponesTheNextAttempt()
    {
        var message = Message();

        message.MarkFailed("Telegram 429", Now, retryAfter: TimeSpan.FromMinutes(15));

        Assert.Equal(Now.AddMinutes(15), message.NextAttemptAt);
        Assert.Null(message.DeadLetteredAt);
    }

    [Fact]
    public void RetryAfterBeyondSixHours_IsCapped()
    {
        var message = Message();

        message.MarkFailed("429", Now, retryAfter: TimeSpan.FromDays(3));

        Assert.Equal(Now.AddHours(6), message.NextAttemptAt);
    }

    [Fact]
    public void ShortRetryAfter_KeepsTheBackoff()
    {
        var message = Message();

        message.MarkFailed("429", Now, retryAfter: TimeSpan.FromSeconds(5));

        Assert.Equal(Now.AddMinutes(1), message.NextAttemptAt);
    }

    [Fact]
    public void WaitingForTheChannel_IsNoAttempt_AndNeverGivenUp()
    {
        var message = Message();

        message.WaitForChannel(Now.AddMinutes(30));

        Assert.True(message.WaitsForChannel);
        Assert.Equal((0, (DateTimeOffset?)null, Now.AddMinutes(30)), (message.Attempts, message.DeadLetteredAt, message.NextAttemptAt));
        Assert.Equal(OutboxMessage.ChannelNotConnected, message.LastError);
    }
}
