using Lapor.Web.Infrastructure.Jobs;
using Lapor.Web.Infrastructure.Privacy;

namespace Lapor.Web.Features.Profile;

public static class ProfileFeature
{
    /// <summary>The account page: second factor, personal data download and deletion, and the retention job.</summary>
    public static IServiceCollection AddProfileFeature(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.ReporterIdentityRetentionDays > 0, "Privacy:ReporterIdentityRetentionDays must be positive.")
            .Validate(o => o.OutboxRetentionDays > 0, "Privacy:OutboxRetentionDays must be positive.")
            .ValidateOnStart();
        services.AddScoped<PersonalData.Handler>();
        services.AddPeriodicJob<RetentionJob, RetentionOptions>(o => o.JobEnabled, o => o.JobInterval);
        return services;
    }
}
