using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Deadlines;

public static class DeadlineServiceCollectionExtensions
{
    /// <summary>The working-day calendar: the deadline options and the schedule built from holidays and policy.</summary>
    public static IServiceCollection AddLaporDeadlines(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Deadlines:TimeZone is not a known time zone.")
            .ValidateOnStart();
        // The same zone for the dashboard tally the database context keeps (Data may not use Infrastructure).
        services.AddSingleton(sp => new Data.TallyTimeZone(TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<DeadlineOptions>>().Value.TimeZone)));
        return services.AddScoped<DeadlineScheduleProvider>();
    }
}
