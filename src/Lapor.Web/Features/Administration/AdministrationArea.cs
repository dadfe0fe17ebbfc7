using Lapor.Web.Features.Administration.Agencies;
using Lapor.Web.Features.Administration.ApiClients;
using Lapor.Web.Features.Administration.Audit;
using Lapor.Web.Features.Administration.Categories;
using Lapor.Web.Features.Administration.DeadlinePolicy;
using Lapor.Web.Features.Administration.Holidays;
using Lapor.Web.Features.Administration.Outbox;
using Lapor.Web.Features.Administration.Privacy;
using Lapor.Web.Features.Administration.Triage;
using Lapor.Web.Features.Administration.Users;
using Lapor.Web.Infrastructure.Localization;

namespace Lapor.Web.Features.Administration;

public static class AdministrationArea
{
    /// <summary>Users, agencies, categories, holidays, the deadline policy, API clients, the outbox, the audit log, the privacy notice and the suggestion model.</summary>
    public static IServiceCollection AddAdministrationArea(this IServiceCollection services) => services
        .AddAreaTexts<AdministrationResource>()
        .AddScoped<UserList.Handler>()
        .AddScoped<InviteUser.Handler>()
        .AddScoped<EditUser.QueryHandler>()
        .AddScoped<EditUser.Handler>()
        .AddScoped<SendResetLink.Handler>()
        .AddScoped<TurnOffTwoFactor.Handler>()
        .AddScoped<AccessLoss.Handler>()
        .AddScoped<AgencyList.Handler>()
        .AddScoped<SaveAgency.Handler>()
        .AddScoped<ImportAgencies.Handler>()
        .AddScoped<CategoryList.Handler>()
        .AddScoped<SaveCategory.Handler>()
        .AddScoped<HolidayList.Handler>()
        .AddScoped<AddHoliday.Handler>()
        .AddScoped<ImportHolidays.Handler>()
        .AddScoped<RemoveHoliday.Handler>()
        .AddScoped<HolidayChange.Handler>()
        .AddScoped<EditPolicy.QueryHandler>()
        .AddScoped<EditPolicy.Handler>()
        .AddScoped<ClientList.Handler>()
        .AddScoped<CreateClient.Handler>()
        .AddScoped<RevokeClient.Handler>()
        .AddScoped<SetWebhook.Handler>()
        .AddScoped<StuckMail.Handler>()
        .AddScoped<RequeueMail.Handler>()
        .AddScoped<AuditLog.Handler>()
        .AddScoped<EditNotice.QueryHandler>()
        .AddScoped<EditNotice.Handler>()
        .AddScoped<TriageOverview.Handler>()
        .AddScoped<TriageOverview.SetThreshold>()
        .AddSingleton<AuditWording>();
}
