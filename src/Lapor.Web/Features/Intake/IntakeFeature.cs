namespace Lapor.Web.Features.Intake;

public static class IntakeFeature
{
    public static IServiceCollection AddIntakeFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section));
        return services.AddProblemDetails();
    }
}
