using Lapor.Web.Data;
using Lapor.Web.Data.Generation;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lapor.Web.Features.Reports;

public static class ReportsFeature
{
    public static IServiceCollection AddReportsFeature(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Deadlines:TimeZone is not a known time zone.")
            .ValidateOnStart();
        services.AddAttachmentStorage();
        services.AddScoped<DeadlineScheduleProvider>();
        services.AddSingleton<TrackingAccess>();
        services.AddSingleton<FilingReceipt>();
        services.AddScoped<DemoData>();
        services.AddScoped<DataGenerator>();
        services.AddScoped<ReportFiling>();
        services.AddScoped<Submit.Handler>();
        services.AddScoped<Track.Handler>();
        services.TryAddSingleton<HistorySentences>(); // shared with the staff pages
        services.AddScoped<Unlock.Handler>();
        services.AddScoped<ReporterEscalation.Handler>();
        services.AddScoped<Mine.Handler>();
        services.AddScoped<FormOptions.Handler>();
        services.AddScoped<Attachments.Handler>();
        return services;
    }
}
