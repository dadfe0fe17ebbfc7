using Lapor.Web.Features.Administration.Agencies;
using Lapor.Web.Features.Administration.Audit;
using Lapor.Web.Features.Administration.Categories;
using Lapor.Web.Features.Administration.Holidays;
using Lapor.Web.Features.Administration.Users;

namespace Lapor.Web.Features.Administration;

public static class AdministrationArea
{
    /// <summary>Users, agencies, categories, holidays, the deadline policy, API clients, the outbox and the audit log.</summary>
    public static IServiceCollection AddAdministrationArea(this IServiceCollection services) => services
        .AddScoped<UserAdmin>()
        .AddScoped<AgencyAdmin>()
        .AddScoped<CategoryAdmin>()
        .AddScoped<HolidayAdmin>()
        .AddScoped<AuditLog.Handler>()
        .AddSingleton<AuditWording>();
}
