using Lapor.Web.Features.Shared.Agencies;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Features.Shared.Privacy;
using Lapor.Web.Features.Shared.Tags;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Jobs;
using Lapor.Web.Infrastructure.Notifications;
using Lapor.Web.Infrastructure.Storage;

namespace Lapor.Web.Features.Shared;

public static class SharedServices
{
    /// <summary>
    /// What several feature areas use: the report workflow (runner, who is told, the deadline and digest
    /// jobs), filing, form options, attachments, history sentences, the agency directory, and retention.
    /// </summary>
    public static IServiceCollection AddSharedFeatures(this IServiceCollection services)
    {
        services.AddScoped<ReportWork>();
        services.AddScoped<ReportNotices>();
        services.AddScoped<StatusWebhooks>();
        services.AddScoped<PublicHistories>();
        services.AddSingleton<StatusUpdates>();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<WorkFeedback>();
        services.AddScoped<ReportFiling>();
        services.AddScoped<TagList>();
        services.AddScoped<MessageUploads>();
        services.AddPeriodicJob<DeadlineJob, DeadlineOptions>(o => o.JobEnabled, o => o.JobInterval);
        services.AddPeriodicJob<MailDigestJob, MailOptions>(o => o.DispatchEnabled, o => o.DigestInterval);

        services.AddScoped<FormOptions.Handler>();
        services.AddScoped<Shared.Attachments.Attachments.Handler>();
        services.AddScoped<Shared.Attachments.Staging.Handler>();
        services.AddPeriodicJob<Shared.Attachments.StagedUploadCleanup, AttachmentStorageOptions>(o => o.StagedCleanupEnabled, o => o.StagedCleanupInterval);
        services.AddSingleton<HistorySentences>();
        services.AddScoped<AgencyDirectory>();
        services.AddScoped<AgencyStaffing>();
        services.AddScoped<Staffing.Workload.Handler>();

        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.ReporterIdentityRetentionDays > 0, "Privacy:ReporterIdentityRetentionDays must be positive.")
            .Validate(o => o.OutboxRetentionDays > 0, "Privacy:OutboxRetentionDays must be positive.")
            .ValidateOnStart();
        services.AddPeriodicJob<RetentionJob, RetentionOptions>(o => o.JobEnabled, o => o.JobInterval);
        return services;
    }
}
