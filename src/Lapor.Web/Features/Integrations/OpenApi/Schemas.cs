using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Lapor.Web.Features.Integrations.OpenApi;

/// <summary>Short builders for the schemas, parameters and answers the description writes by hand.</summary>
internal static class Schemas
{
    public static OpenApiSchema Text(string description, int? maxLength = null, string? format = null) =>
        new() { Type = JsonSchemaType.String, Description = description, MaxLength = maxLength, Format = format };

    public static OpenApiSchema OneOf(string description, params string[] values) =>
        new() { Type = JsonSchemaType.String, Description = description, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };

    public static OpenApiSchema Integer(string description, string format = "int64") =>
        new() { Type = JsonSchemaType.Integer, Format = format, Description = description };

    public static OpenApiSchema Number(string description, int minimum, int maximum) =>
        new() { Type = JsonSchemaType.Number, Description = description, Minimum = $"{minimum}", Maximum = $"{maximum}" };

    public static OpenApiSchema Object(string description, Dictionary<string, IOpenApiSchema> properties, params string[] required) =>
        new() { Type = JsonSchemaType.Object, Description = description, Properties = properties, Required = required.Length > 0 ? new HashSet<string>(required) : null };

    public static OpenApiSchema ListOf(string description, IOpenApiSchema item) =>
        new() { Type = JsonSchemaType.Array, Description = description, Items = item };

    public static OpenApiParameter Header(string name, string description, int? maxLength = null) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = false, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength },
    };

    /// <summary>An answer of the intake: an RFC 9457 problem, described by when the code gives it.</summary>
    public static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };
}
