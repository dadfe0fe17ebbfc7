using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Lapor.Web.Infrastructure.Channels;

public static class ChannelServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Channels</c> options, validated at start, and one HTTP client per platform, each with its
    /// own resilience pipeline: a per-attempt timeout, retries with exponential backoff and jitter on
    /// network errors, timeouts and 5xx only, and a circuit breaker that stops calling a platform that
    /// keeps failing. A 429 is not retried here: the outbox waits as long as the platform asked.
    /// The factory's request logging is removed: Telegram's token is part of the address.
    /// </summary>
    public static IServiceCollection AddLaporChannels(this IServiceCollection services)
    {
        services.AddOptions<ChannelOptions>().BindConfiguration(ChannelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChannelOptions>, ChannelOptionsValidation>();
        services.AddScoped<ChannelContacts>();

        AddClient<TelegramBotSender>(services, "telegram");
        AddClient<WhatsAppCloudSender>(services, "whatsapp");
        AddClient<SmsGatewaySender>(services, "sms");
        return services;
    }

    private static void AddClient<TSender>(IServiceCollection services, string name)
        where TSender : class =>
        services.AddHttpClient<TSender>()
            .RemoveAllLoggers()
            .AddResilienceHandler($"channel-{name}", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<ChannelOptions>>().Value;
                if (settings.Retries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.Retries,
                        Delay = settings.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = false,
                        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromMinutes(1),
                    BreakDuration = TimeSpan.FromSeconds(30),
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(settings.AttemptTimeout);
            });

    /// <summary>Worth another try at once: the platform may not have seen the request. Never a 4xx: it was refused.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };

    /// <summary>Names every problem in the start-up error, not one generic line.</summary>
    private sealed class ChannelOptionsValidation : IValidateOptions<ChannelOptions>
    {
        public ValidateOptionsResult Validate(string? name, ChannelOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
