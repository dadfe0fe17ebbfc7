using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Integrations.Open311;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.OpenApi;
using static Lapor.Web.Features.Integrations.OpenApi.Schemas;

namespace Lapor.Web.Features.Integrations.OpenApi;

/// <summary>
/// POST requests.{format} as <see cref="NewServiceRequest.Form"/> reads it: the GeoReport v2 fields, form-encoded
/// or multipart (only multipart carries a <c>media</c> file). ASP.NET Core would describe the form class itself,
/// its computed properties included and with a file in a form-encoded body; this names exactly the fields sent.
/// </summary>
internal static class ServiceRequestForm
{
    private const string Fields = "NewServiceRequest";
    private const string FieldsWithMedia = "NewServiceRequestWithMedia";

    public static void AddComponents(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas[Fields] = Form(withMedia: false);
        schemas[FieldsWithMedia] = Form(withMedia: true);

        // ASP.NET Core's schema of the bound IFormFile, which the body above replaces.
        schemas.Remove("IFormFile");
    }

    public static void Describe(OpenApiOperation operation, OpenApiDocument document)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The GeoReport v2 fields, UTF-8. A body may be at most 10 MB with its photo.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new() { Schema = new OpenApiSchemaReference(Fields, document) },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchemaReference(FieldsWithMedia, document),
                    Encoding = new Dictionary<string, OpenApiEncoding>
                    {
                        ["media"] = new() { ContentType = string.Join(", ", UploadInspector.AcceptedContentTypes) },
                    },
                },
            },
        };
        (operation.Parameters ??= []).Add(new OpenApiParameter
        {
            Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false,
            Description = "Any text of up to 200 characters that makes a retried POST file once: the same key from the same client answers the first " +
                "request's service_request_id again, or 409 when the body differs. Without it, the same body within Open311:RetryWindow is taken for a retry.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ApiSubmission.MaxKeyLength },
        });

        // The key is a form field (GeoReport v2), which no security scheme can name: described there, not here.
        operation.Security = [];
    }

    /// <summary>
    /// The form's fields. Attributes are written as the specification writes them, <c>attribute[code]=value</c>, and
    /// are named here one by one: the codes are a closed set (an unknown one is refused with 400), and the literal
    /// names put the same bytes on the wire in both encodings with every client generator. The alternatives are worse
    /// for clients: an <c>attribute</c> object with <c>style: deepObject</c> encoding is ignored by most generators in
    /// request bodies (OpenAPI 3.1 applies it to form-encoded bodies only, not to multipart parts), and
    /// patternProperties gives generators no property to set.
    /// </summary>
    private static OpenApiSchema Form(bool withMedia)
    {
        var fields = new Dictionary<string, IOpenApiSchema>
        {
            ["api_key"] = Text("The API client's key (issued at /admin/api); without a valid key with the right to file, 403."),
            ["jurisdiction_id"] = Text("Accepted and ignored: Lapor is one jurisdiction."),
            ["service_code"] = Text("A service_code from services.{format}; an unknown one answers 404."),
            ["lat"] = Number("Latitude (WGS84). With long, or give address_string or address_id.", -90, 90),
            ["long"] = Number("Longitude (WGS84).", -180, 180),
            ["address_string"] = Text("The place in words, when there are no coordinates.", 300),
            ["address_id"] = Text("An address id of the caller's own, when there are neither coordinates nor address_string.", 300),
            ["email"] = Text("The reporter's e-mail, kept in the protected identity record; the text null counts as absent.", 256, "email"),
            ["device_id"] = Text("The app's id of the device, kept with the submission.", ApiSubmission.MaxIdLength),
            ["account_id"] = Text("The app's id of the reporter's account, answered back as account_id.", ApiSubmission.MaxIdLength),
            ["first_name"] = Text("The reporter's first name; with last_name at most 150 characters."),
            ["last_name"] = Text("The reporter's last name."),
            ["phone"] = Text("The reporter's phone number.", 30),
            ["description"] = Text("What is wrong (not blank).", NewServiceRequest.MaxDescription),
            ["media_url"] = Text("An http(s) link to a photo, added to the report's text.", 500, "uri"),
            ["attribute[classification]"] = OneOf("What kind of report (case-insensitive; Complaint when absent).",
                [.. Enum.GetNames<Classification>()]),
            ["attribute[title]"] = Text("The report's title; when absent, taken from the description.", 150),
            ["attribute[anonymous]"] = OneOf("true: the reporter's identity is kept from officers and the public.", "true", "false"),
            ["attribute[confidential]"] = OneOf("true: the report's content is kept from the public.", "true", "false"),
        };
        if (withMedia)
        {
            fields["media"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Format = "binary",
                Description = "One photo or document (JPEG, PNG or PDF, at most 10 MB), checked and stripped of its metadata as on the web form.",
            };
        }

        return Object(
            "A new service request. service_code, description and api_key are required, and a place: lat and long, address_string or address_id. " +
            "Empty optional fields count as absent.",
            fields, "api_key", "service_code", "description");
    }
}
