using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>
/// A coordinator or administrator signed in without a second factor may only set one up: every
/// other page sends them to the authenticator set-up, and every other post is refused.
/// </summary>
public static class TwoFactorEnforcement
{
    /// <summary>Claim value SignInManager adds after a second factor (and we add after enrolment).</summary>
    public const string MultiFactorMethod = "mfa";

    private static readonly string[] OpenPaths = ["/akun", "/Account", "/Error", "/health"];

    /// <summary>Whether this user's roles call for a second factor under the current settings.</summary>
    public static bool IsRequiredFor(ClaimsPrincipal user, SecurityOptions options) =>
        options.RequireTwoFactor && SecurityOptions.TwoFactorRoles.Any(user.IsInRole);

    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var user = context.User;
        var required = user.Identity?.IsAuthenticated == true
            && IsRequiredFor(user, context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value)
            && !user.HasClaim("amr", MultiFactorMethod);
        if (!required || OpenPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect("/akun/dua-faktor");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Task.CompletedTask;
    });
}
