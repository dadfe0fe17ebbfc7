using Lapor.Web.Features.Shared.History;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lapor.Web.Features.Inbox;

public static class InboxFeature
{
    public static IServiceCollection AddInboxFeature(this IServiceCollection services)
    {
        services.AddScoped<ReportDetail.Handler>();
        services.TryAddSingleton<HistorySentences>(); // shared with the citizen pages
        services.AddScoped<AgencyInbox.Handler>();
        services.AddScoped<CoordinatorQueue.Handler>();
        services.AddScoped<AgencyDirectory>();
        services.TryAddScoped<Shared.Agencies.AgencyStaffing>(); // shared with the account administration
        services.AddScoped<ResponseEvidence>();
        services.AddScoped<DuplicateLookup>();
        services.AddScoped<RevealIdentity.Handler>();
        services.AddScoped<StaffAttachment.Handler>();
        services.AddScoped<ManualEntry.Handler>();
        services.AddScoped<Workload.Handler>();
        return services;
    }
}
