using Lapor.Web.Infrastructure.Jobs;

namespace Lapor.Web.Infrastructure.Triage;

public static class TriageServiceCollectionExtensions
{
    /// <summary>The agency and category suggestions: options, trainer, the cached model and the nightly job.</summary>
    public static IServiceCollection AddLaporTriage(this IServiceCollection services)
    {
        services.AddOptions<TriageOptions>().BindConfiguration(TriageOptions.Section)
            .Validate(o => o.SampleLimit >= 100 && o.MinimumReports >= 1 && o.MinimumPerClass >= 1, "Triage: SampleLimit must be at least 100, MinimumReports and MinimumPerClass at least 1.")
            .Validate(o => o.HeldOutShare is > 0 and < 0.5, "Triage:HeldOutShare must be between 0 and 0.5.")
            .Validate(o => o.HeldOutWarningBelow >= 0, "Triage:HeldOutWarningBelow must be 0 (never warn) or more.")
            .Validate(o => o.NightlyFromHour is >= 0 and < 24 && o.NightlyUntilHour is > 0 and <= 24 && o.NightlyFromHour < o.NightlyUntilHour, "Triage: NightlyFromHour must come before NightlyUntilHour (0-24).")
            .Validate(o => o.JobInterval > TimeSpan.Zero && o.BodyCharacters >= 50, "Triage: JobInterval must be positive and BodyCharacters at least 50.")
            .ValidateOnStart();
        services.AddSingleton<LoadedTriageModel>();
        services.AddScoped<TriageModels>();
        services.AddScoped<TriageTrainer>();
        services.AddPeriodicJob<TriageJob, TriageOptions>(o => o.JobEnabled, o => o.JobInterval);
        return services;
    }
}
