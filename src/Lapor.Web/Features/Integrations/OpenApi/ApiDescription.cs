using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lapor.Web.Features.Integrations.OpenApi;

/// <summary>
/// The parts of the OpenAPI document (<c>/openapi/v1.json</c>) ASP.NET Core cannot infer, so that client
/// generators and linters (Redocly's recommended rules) accept it: what the API is and its licence,
/// the tags, how each operation is authenticated, and a stable operation id for every operation.
/// </summary>
public sealed class ApiDescription : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    /// <summary>Open311 writes: the API client's key, sent as the specification says, as the <c>api_key</c> field.</summary>
    public const string ApiKey = "api_key";

    /// <summary>SMS and WhatsApp gateways: <c>X-Lapor-Timestamp</c> and <c>X-Lapor-Signature</c> (HMAC-SHA256 of <c>{timestamp}.{body}</c>).</summary>
    public const string GatewaySignature = "gateway_signature";

    /// <summary>Telegram: the <c>secret_token</c> given to setWebhook, sent back in <c>X-Telegram-Bot-Api-Secret-Token</c>.</summary>
    public const string TelegramSecret = "telegram_secret_token";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Lapor";
        document.Info.Description =
            "Open311 GeoReport v2 (with the FixMyStreet extensions) for apps and city systems, and the intake webhooks of the SMS, WhatsApp and Telegram channels. " +
            "Errors are Open311 error lists or RFC 9457 problem details.";
        document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };

        // A server address ending in "/" doubles the slash in every generated client's paths.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = "api_key",
            Description = "The API client's key (issued at /admin/api). The specification sends it as the api_key field: in the form body of a POST, or in the query.",
        };
        document.Components.SecuritySchemes[GatewaySignature] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Lapor-Signature",
            Description = "sha256=<hex HMAC-SHA256 of \"{X-Lapor-Timestamp}.{raw body}\" with the channel's secret>; X-Lapor-Timestamp holds Unix seconds and must be within five minutes of the server's clock.",
        };
        document.Components.SecuritySchemes[TelegramSecret] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Telegram-Bot-Api-Secret-Token",
            Description = "The secret_token given to Telegram's setWebhook; Telegram sends it with every update.",
        };

        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "Open311", Description = "GeoReport v2: services, service requests, tokens and updates. JSON or XML by the {format} suffix." },
            new() { Name = "Intake", Description = "Webhooks of the channel gateways: each incoming message becomes a report or joins the sender's open one." },
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = context.Description.ActionDescriptor.RouteValues;
        operation.OperationId ??= $"{route["controller"]}_{route["action"]}_{context.Description.HttpMethod}".ToLowerInvariant();

        // Reading is public; writing to Open311 takes an API key; the intake takes the gateway's signature or Telegram's secret.
        var path = context.Description.RelativePath ?? "";
        IEnumerable<string> schemes = path.StartsWith("intake", StringComparison.Ordinal) ? [GatewaySignature, TelegramSecret]
            : HttpMethods.IsPost(context.Description.HttpMethod ?? "") ? [ApiKey]
            : [];
        operation.Security = [.. schemes.Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] })];
        return Task.CompletedTask;
    }
}
