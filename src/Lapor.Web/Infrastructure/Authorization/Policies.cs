using Lapor.Web.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Lapor.Web.Infrastructure.Authorization;

/// <summary>Policy names used with [Authorize(Policy = ...)]; registered once in <see cref="AddLaporAuthorization"/>.</summary>
public static class Policies
{
    public const string Citizen = nameof(Citizen);
    public const string Staff = nameof(Staff);
    public const string Officer = nameof(Officer);
    public const string AgencyHead = nameof(AgencyHead);
    public const string Coordinator = nameof(Coordinator);
    public const string Oversight = nameof(Oversight);
    public const string Administrator = nameof(Administrator);

    /// <summary>Watching figures: coordinators, oversight and agency heads; never officers or citizens.</summary>
    public const string Dashboard = nameof(Dashboard);

    /// <summary>Response templates: officers for their agencies, administrators for all.</summary>
    public const string Templates = nameof(Templates);

    /// <summary>Internal notes on a report: its agencies' officers and coordinators (oversight reads them, DESIGN §2: read-only but for validation).</summary>
    public const string Notes = nameof(Notes);

    /// <summary>Entering reports received by letter, phone, walk-in or social media.</summary>
    public const string Intake = nameof(Intake);

    /// <summary>The village or sub-district operator's desk: filing for residents and following those reports only.</summary>
    public const string VillageOperator = nameof(VillageOperator);

    public static IServiceCollection AddLaporAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            // Deny by default: anything not marked [AllowAnonymous] needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Citizen, p => p.RequireRole(Roles.Citizen))
            .AddPolicy(Staff, p => p.RequireRole(Roles.Officer, Roles.AgencyHead, Roles.Coordinator, Roles.Oversight, Roles.Administrator))
            .AddPolicy(Officer, p => p.RequireRole(Roles.Officer))
            .AddPolicy(AgencyHead, p => p.RequireRole(Roles.AgencyHead))
            .AddPolicy(Coordinator, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(Oversight, p => p.RequireRole(Roles.Oversight, Roles.Coordinator))
            .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Intake, p => p.RequireRole(Roles.Officer, Roles.Coordinator))
            .AddPolicy(VillageOperator, p => p.RequireRole(Roles.VillageOperator))
            .AddPolicy(Notes, p => p.RequireRole(Roles.Officer, Roles.Coordinator))
            .AddPolicy(Templates, p => p.RequireRole(Roles.Officer, Roles.Administrator))
            .AddPolicy(Dashboard, p => p.RequireRole(Roles.Coordinator, Roles.Oversight, Roles.AgencyHead));

        // Which reports and agencies a staff member may see, resolved once per request.
        services.AddHttpContextAccessor();
        services.AddScoped<AgencyTree>();
        services.AddScoped<StaffScopeProvider>();
        services.AddScoped<OutOfScopeProbes>();
        return services;
    }
}
