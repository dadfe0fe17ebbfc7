using Lapor.Web.Features.Integrations.Intake;
using Lapor.Web.Features.Integrations.Open311;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Lapor.Web.Features.Integrations.OpenApi;

/// <summary>
/// The parts of the OpenAPI document (<c>/openapi/v1.json</c>) ASP.NET Core cannot infer, so that client
/// generators and linters (Redocly's recommended rules) accept it: what the API is and its licence, the tags,
/// the bodies and headers of the intake webhooks (<see cref="IntakeWebhooks"/>) and of a new service request
/// (<see cref="ServiceRequestForm"/>), how each operation is authenticated, and a stable operation id for each.
/// </summary>
public sealed class ApiDescription(IOptions<IntakeOptions> intake) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string Open311Tag = "Open311";

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
        IntakeWebhooks.AddComponents(document, intake.Value);
        ServiceRequestForm.AddComponents(document);

        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = Open311Tag, Description = "GeoReport v2: services, service requests, tokens and updates. JSON or XML by the {format} suffix. Reading is public; api_key (a form field when filing, a query parameter when reading) identifies an API client." },
            new() { Name = "Intake", Description = "Webhooks of the channel gateways: each incoming message becomes a report or joins the sender's open one." },
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = context.Description.ActionDescriptor.RouteValues;
        operation.OperationId ??= $"{route["controller"]}_{route["action"]}_{context.Description.HttpMethod}".ToLowerInvariant();

        // Reading Open311 is public, and its api_key is a field or parameter (no security scheme can name a form field).
        operation.Security = [];
        var action = context.Description.ActionDescriptor as ControllerActionDescriptor;
        switch (action?.ControllerTypeInfo.AsType())
        {
            case var type when type == typeof(IntakeController):
                IntakeWebhooks.Describe(operation, action!.ActionName, context.Document!, intake.Value);
                break;
            case var type when type == typeof(Open311Controller) && action!.ActionName == nameof(Open311Controller.Create):
                ServiceRequestForm.Describe(operation, context.Document!);
                break;
            case var type when type == typeof(Open311UpdatesController):
                // FixMyStreet's extension is part of the same API: one tag, not one per controller.
                operation.Tags = new HashSet<OpenApiTagReference> { new(Open311Tag, context.Document) };
                break;
        }

        DescribeQuery(operation);
        return Task.CompletedTask;
    }

    /// <summary>The list filters of requests and servicerequestupdates, as their handlers read them.</summary>
    private static void DescribeQuery(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            switch (parameter.Name)
            {
                case "start_date" or "end_date":
                    parameter.Description = "A W3C (ISO 8601) date-time; without an offset it is UTC. One that cannot be read answers 400.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" };
                    break;
                case "page":
                    parameter.Description = "An extension (the specification has no paging): which page of Open311:PageSize items, from 1.";
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" };
                    break;
            }
        }
    }
}
