using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Jobs;

/// <summary>Work the app does on a timer (outbox, deadlines, retention). Returns how many rows it handled.</summary>
public interface IPeriodicJob
{
    Task<int> RunOnceAsync(CancellationToken cancellationToken);
}

/// <summary>Runs one job on the app's clock, in its own scope, for as long as the app runs.</summary>
public sealed class PeriodicJobService<TJob>(IServiceScopeFactory scopes, bool enabled, TimeSpan interval, TimeProvider clock, ILogger<PeriodicJobService<TJob>> logger)
    : BackgroundService
    where TJob : IPeriodicJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TJob>().RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A database hiccup must not stop the job for good: log and try again next tick.
                logger.LogError(error, "{Job} failed", typeof(TJob).Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class PeriodicJobServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TJob"/> (scoped) and a hosted service that runs it as its options say.</summary>
    public static IServiceCollection AddPeriodicJob<TJob, TOptions>(this IServiceCollection services, Func<TOptions, bool> enabled, Func<TOptions, TimeSpan> interval)
        where TJob : class, IPeriodicJob
        where TOptions : class
    {
        services.AddScoped<TJob>();
        services.AddHostedService(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
            return new PeriodicJobService<TJob>(
                provider.GetRequiredService<IServiceScopeFactory>(), enabled(options), interval(options),
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<PeriodicJobService<TJob>>>());
        });
        return services;
    }
}
