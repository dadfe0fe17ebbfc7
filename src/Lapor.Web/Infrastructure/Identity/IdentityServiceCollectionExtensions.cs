using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Lapor.Web.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddLaporIdentity(this IServiceCollection services)
    {
        services.AddIdentity<LaporUser, IdentityRole>(o =>
            {
                // ASVS: length over composition rules.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;

                // The user name is the e-mail address: any character an address may hold ("o'brien@…").
                o.User.AllowedUserNameCharacters = null!;

                // A citizen proves the address before it receives report mail or can sign in; staff
                // accounts are invited, so theirs is proven by setting the password from the invitation.
                o.SignIn.RequireConfirmedEmail = true;
                o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
                o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<LaporDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName)
            .AddSignInManager<LaporSignInManager>()
            .AddClaimsPrincipalFactory<LaporClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        // Invitation links stay valid for a day (the default provider); a forgotten-password link for an hour.
        services.Configure<PasswordResetTokenProviderOptions>(o =>
        {
            o.Name = PasswordResetTokenProvider.ProviderName;
            o.TokenLifespan = TimeSpan.FromHours(1);
        });

        // Every request checks the cookie's server-side session and the account's security stamp (one query),
        // so signing out, a password change, disabling an account or changing its roles ends its sessions at once.
        services.AddScoped<UserSessions>();
        services.AddScoped<ISecurityStampValidator, SessionValidator>();
        services.AddSingleton<SignInThrottle>();

        // HSTS outside Development: a year, subdomains included (ASVS 3.4.1).
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        // Cookie names and the Secure flag come from SecurityOptions (see AddLaporSecurity).
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Error/403";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Sliding idle time from Security:Sessions (AddLaporSecurity); the absolute end is the session row's.
            o.SlidingExpiration = true;

            // A signed-in user without the role gets a plain 403 (rendered by the status-code page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return services;
    }
}
