using Lapor.Web.Data;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.TestSupport;

/// <summary>Report work as it would run on another day: the real runner and table, with the clock set.</summary>
public static class ReportWorkClock
{
    public static ReportWork ReportWorkAt(this IServiceProvider services, DateTimeOffset now) =>
        new(services.GetRequiredService<LaporDbContext>(), services.GetRequiredService<DeadlineScheduleProvider>(),
            services.GetRequiredService<ReportNotices>(), services.GetRequiredService<StatusWebhooks>(), new FakeTimeProvider(now), NullLogger<ReportWork>.Instance);

    public static DeadlineJob DeadlineJobAt(this IServiceProvider services, DateTimeOffset now) =>
        new(services.GetRequiredService<LaporDbContext>(), services.ReportWorkAt(now), services.GetRequiredService<LaporMetrics>(), NullLogger<DeadlineJob>.Instance);
}
