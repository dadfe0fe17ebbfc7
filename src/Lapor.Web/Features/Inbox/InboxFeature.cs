using Lapor.Web.Infrastructure.Authorization;

namespace Lapor.Web.Features.Inbox;

public static class InboxFeature
{
    public static IServiceCollection AddInboxFeature(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AgencyTree>();
        services.AddScoped<Infrastructure.Notifications.Recipients>();
        services.AddScoped<Infrastructure.Notifications.ReportNotifier>();
        services.AddScoped<StaffScopeProvider>();
        services.AddScoped<StaffAction.Handler>();
        services.AddScoped<ReportDetail.Handler>();
        services.AddScoped<AgencyInbox.Handler>();
        services.AddScoped<CoordinatorQueue.Handler>();
        services.AddScoped<AgencyDirectory>();
        services.AddScoped<DuplicateLookup>();
        services.AddScoped<RevealIdentity.Handler>();
        services.AddScoped<StaffAttachment.Handler>();
        services.AddScoped<ManualEntry.Handler>();
        services.AddScoped<Dashboard.PeriodReport.Handler>();
        services.AddScoped<Dashboard.DrillDown.Handler>();
        services.AddScoped<Workload.Handler>();
        services.AddScoped<Templates.ResponseTemplates>();
        return services;
    }
}
