namespace Lapor.Web.Infrastructure.Deadlines;

public static class DeadlineServiceCollectionExtensions
{
    /// <summary>The working-day calendar: the deadline options and the schedule built from holidays and policy.</summary>
    public static IServiceCollection AddLaporDeadlines(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Deadlines:TimeZone is not a known time zone.")
            .ValidateOnStart();
        return services.AddScoped<DeadlineScheduleProvider>();
    }
}
