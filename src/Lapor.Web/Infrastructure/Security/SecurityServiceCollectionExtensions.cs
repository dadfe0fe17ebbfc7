using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Cookie hardening, trusted proxies, rate limits and security event logging.</summary>
    public static IServiceCollection AddLaporSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddSingleton<SecurityEvents>();
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

        string[] schemes = [IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme];
        foreach (var scheme in schemes)
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).PostConfigure<IOptions<SecurityOptions>>((o, security) =>
            {
                o.Cookie.Name = security.Value.CookieName(scheme == IdentityConstants.ApplicationScheme ? "lapor.auth" : "lapor." + scheme.Split('.')[^1]);
                o.Cookie.SecurePolicy = security.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/";
                if (scheme == IdentityConstants.ApplicationScheme)
                {
                    o.ExpireTimeSpan = security.Value.Sessions.IdleTimeout;
                }
            });
        }

        services.AddOptions<AntiforgeryOptions>().PostConfigure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.Cookie.Name = security.Value.CookieName("lapor.af");
            o.Cookie.SecurePolicy = security.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        // TempData (flash messages, drafts handed back after a redirect) gets the same treatment.
        services.AddOptions<CookieTempDataProviderOptions>().PostConfigure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.Cookie.Name = security.Value.CookieName("lapor.tempdata");
            o.Cookie.SecurePolicy = security.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in security.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in security.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        var limits = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.RateLimits ?? new RateLimitOptions();
        services.AddRateLimiter(o => RateLimitPolicies.Configure(o, limits));
        services.AddSingleton<FilingBrowser>();
        services.AddSingleton<FilingBudget>();
        return services;
    }
}
