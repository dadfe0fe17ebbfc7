using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lapor.Web.Features.Holidays;

public static class AdministrationFeature
{
    public static IServiceCollection AddAdministrationFeature(this IServiceCollection services)
    {
        services.TryAddScoped<Shared.Agencies.AgencyStaffing>(); // shared with the staff report page
        return services.AddScoped<HolidayAdmin>().AddScoped<Users.UserAdmin>().AddScoped<Agencies.AgencyAdmin>().AddScoped<Categories.CategoryAdmin>()
            .AddScoped<Audit.AuditLog.Handler>().AddSingleton<Audit.AuditWording>();
    }
}
