using System.Text.RegularExpressions;
using Lapor.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Security;

/// <summary>
/// One method of one route, read from the app's endpoint data source. Error pages (re-executed for any method) ignore
/// antiforgery tokens; the API (Open311, intake: in the OpenAPI description) is for apps and gateways, not browsers.
/// </summary>
public sealed record AppEndpoint(string Method, string Pattern, bool IsPublic, IReadOnlyList<string[]> RoleSets, bool IgnoresAntiforgery, bool IsApi, ControllerActionDescriptor? Action)
{
    /// <summary>Whether one of the endpoint's role policies leaves out every role the user holds.</summary>
    public bool Refuses(IReadOnlyCollection<string> roles) => RoleSets.Any(set => !set.Intersect(roles).Any());
}

/// <summary>Every endpoint the app has, so the security tests cover a new action without anyone writing a test for it.</summary>
public static partial class AppEndpoints
{
    public static List<AppEndpoint> All(LaporAppFactory app)
    {
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains("{*", StringComparison.Ordinal) && !raw.StartsWith("health", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Select(method => new AppEndpoint(
                method,
                e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>()
                    .Where(a => a.Policy is not null)
                    .Select(a => policies.GetPolicyAsync(a.Policy!).GetAwaiter().GetResult()!.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToArray())
                    .ToList(),
                e.Metadata.GetMetadata<IgnoreAntiforgeryTokenAttribute>() is not null,
                e.Metadata.GetMetadata<IApiDescriptionVisibilityProvider>() is { IgnoreApi: false } || e.Metadata.GetMetadata<IApiBehaviorMetadata>() is not null,
                e.Metadata.GetMetadata<ControllerActionDescriptor>())))
            .ToList();
    }

    /// <summary>A concrete address for a route pattern: the report and attachment under test, plain values elsewhere.</summary>
    public static string Url(string pattern, string number, Guid attachment) => "/" + RouteParameter().Replace(pattern, m => m.Groups["name"].Value switch
    {
        "trackingNumber" => number,
        "attachmentId" => attachment.ToString(),
        "statusCode" => "404",
        "format" => pattern.StartsWith("open311", StringComparison.Ordinal) ? "json" : Formats(m.Value) is { } allowed && !allowed.Contains("csv") ? allowed[0] : "csv",
        _ => "1",
    });

    /// <summary>The choices a <c>{format:regex(^(xlsx|pdf)$)}</c> parameter allows, or null without such a constraint.</summary>
    private static string[]? Formats(string parameter) =>
        FormatChoices().Match(parameter) is { Success: true } m ? m.Groups["choices"].Value.Split('|') : null;

    [GeneratedRegex(@"regex\(\^\((?<choices>[a-z|]+)\)\$\)")]
    private static partial Regex FormatChoices();

    /// <summary>The names of the route's parameters ("trackingNumber", "format"…).</summary>
    public static IEnumerable<string> RouteParameters(string pattern) => RouteParameter().Matches(pattern).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
