using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Jobs;

namespace Lapor.Web.Features.ReportWork;

public static class ReportWorkFeature
{
    /// <summary>The runner, the table of who is told, the deadline job and the page feedback.</summary>
    public static IServiceCollection AddReportWorkFeature(this IServiceCollection services)
    {
        services.AddScoped<ReportWork>();
        services.AddScoped<ReportNotices>();
        services.AddSingleton<WorkFeedback>();
        services.AddPeriodicJob<DeadlineJob, DeadlineOptions>(o => o.JobEnabled, o => o.JobInterval);
        return services;
    }
}
