using System.Globalization;
using System.Text.Json;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>
/// The rules of the community GeoReport v2 JSON schemas (github.com/open311/schema-validation, schema/georeport-v2):
/// required members, types (a member may also be null where the schema says so), the enumerations, description at
/// most 4,000 characters, date-times and URIs. Written out here rather than loaded, so the tests need no schema library.
/// </summary>
public static class Open311Schema
{
    public static void AssertRequests(JsonElement requests)
    {
        Assert.Equal(JsonValueKind.Array, requests.ValueKind);
        foreach (var request in requests.EnumerateArray())
        {
            Required(request, "service_request_id", "status", "service_code", "requested_datetime");
            Text(request, "service_request_id", nullable: false);
            Assert.Contains(request.GetProperty("status").GetString(), new[] { "open", "closed" });
            Text(request, "service_code", nullable: false);
            foreach (var name in new[] { "status_notes", "service_name", "agency_responsible", "service_notice", "address", "address_id", "zipcode" })
            {
                Text(request, name, nullable: true);
            }

            Text(request, "description", nullable: true);
            if (request.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String)
            {
                Assert.True(description.GetString()!.Length <= 4000, "description is longer than 4000 characters");
            }

            DateTime(request, "requested_datetime", nullable: false);
            DateTime(request, "updated_datetime", nullable: true);
            DateTime(request, "expected_datetime", nullable: true);
            foreach (var name in new[] { "lat", "long" })
            {
                if (request.TryGetProperty(name, out var number))
                {
                    Assert.Contains(number.ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null });
                }
            }

            if (request.TryGetProperty("media_url", out var media) && media.ValueKind != JsonValueKind.Null)
            {
                Assert.True(Uri.TryCreate(media.GetString(), UriKind.Absolute, out _), "media_url is not a URI");
            }
        }
    }

    public static void AssertServices(JsonElement services)
    {
        Assert.Equal(JsonValueKind.Array, services.ValueKind);
        foreach (var service in services.EnumerateArray())
        {
            Required(service, "service_code", "service_name", "metadata", "type");
            Text(service, "service_code", nullable: false);
            Text(service, "service_name", nullable: false);
            Assert.Contains(service.GetProperty("metadata").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.Contains(service.GetProperty("type").GetString(), new[] { "realtime", "batch", "blackbox" });
            foreach (var name in new[] { "description", "keywords", "group" })
            {
                Text(service, name, nullable: true);
            }
        }
    }

    public static void AssertServiceDefinition(JsonElement definition)
    {
        Required(definition, "service_code", "attributes");
        Text(definition, "service_code", nullable: false);
        foreach (var attribute in definition.GetProperty("attributes").EnumerateArray())
        {
            Required(attribute, "variable", "code", "datatype", "required");
            Assert.Contains(attribute.GetProperty("datatype").GetString(), new[] { "string", "number", "datetime", "text", "singlevaluelist", "multivaluelist" });
            if (attribute.TryGetProperty("order", out var order) && order.ValueKind != JsonValueKind.Null)
            {
                Assert.True(order.TryGetInt32(out _), "order is not an integer");
            }

            if (attribute.TryGetProperty("values", out var values))
            {
                foreach (var value in values.EnumerateArray())
                {
                    Required(value, "key", "name");
                    Text(value, "key", nullable: false);
                    Text(value, "name", nullable: false);
                }
            }
        }
    }

    private static void Required(JsonElement item, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(item.TryGetProperty(name, out _), $"{name} is required");
        }
    }

    private static void Text(JsonElement item, string name, bool nullable)
    {
        if (item.TryGetProperty(name, out var value))
        {
            Assert.True(value.ValueKind == JsonValueKind.String || (nullable && value.ValueKind == JsonValueKind.Null), $"{name} is not a string");
        }
    }

    private static void DateTime(JsonElement item, string name, bool nullable)
    {
        if (item.TryGetProperty(name, out var value) && !(nullable && value.ValueKind == JsonValueKind.Null))
        {
            // RFC 3339 date-time, as JSON Schema's "date-time" format: a date, a time and an offset.
            Assert.True(DateTimeOffset.TryParseExact(value.GetString(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"{name} is not a date-time");
        }
    }
}
