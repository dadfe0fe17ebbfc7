using System.Text.Json;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>Reads the parts of an OpenAPI document the tests look at, following a schema's <c>$ref</c>.</summary>
internal static class OpenApiDocumentReader
{
    private const string SchemaPrefix = "#/components/schemas/";

    public static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()![SchemaPrefix.Length..])
            : schema;

    public static IEnumerable<string> PropertyNames(JsonElement schema) => schema.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    /// <summary>The schemes an operation's security alternatives name (an empty alternative, "no scheme", names none).</summary>
    public static IEnumerable<string> SecuritySchemes(JsonElement operation) =>
        operation.GetProperty("security").EnumerateArray().SelectMany(alternative => alternative.EnumerateObject().Select(s => s.Name));
}
