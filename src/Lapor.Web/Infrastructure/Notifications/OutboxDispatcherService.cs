using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>Runs the outbox dispatcher every few seconds for as long as the app runs.</summary>
public sealed class OutboxDispatcherService(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatchEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A database hiccup must not stop mail for good: log and try again next tick.
                logger.LogError(error, "Outbox dispatch failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
