using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Deadlines;

/// <summary>Runs the deadline job on the app's clock, every few minutes, for as long as the app runs.</summary>
public sealed class DeadlineJobService(IServiceScopeFactory scopes, IOptions<DeadlineOptions> options, TimeProvider clock, ILogger<DeadlineJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.JobEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.JobInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeadlineJob>().RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Deadline job failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
