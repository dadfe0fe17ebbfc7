using System.Text.Json.Serialization;
using System.Xml.Serialization;

namespace Lapor.Web.Features.Integrations.Open311;

// The documents of GeoReport v2 (http://wiki.open311.org/GeoReport_v2), named exactly as the
// specification writes them: the same class is written as JSON (System.Text.Json) and as XML
// (XmlSerializer). Lists are a JSON array, and in XML a plural root with one element per item.

/// <summary>A document that is written as JSON in a different shape than its XML root (a bare array).</summary>
public interface IOpen311Document
{
    object Json { get; }
}

[XmlRoot("discovery")]
public sealed class Discovery
{
    [JsonPropertyName("changeset"), XmlElement("changeset")] public string Changeset { get; set; } = "";
    [JsonPropertyName("contact"), XmlElement("contact")] public string Contact { get; set; } = "";
    [JsonPropertyName("key_service"), XmlElement("key_service")] public string KeyService { get; set; } = "";

    [JsonPropertyName("endpoints"), XmlArray("endpoints"), XmlArrayItem("endpoint")]
    public List<DiscoveryEndpoint> Endpoints { get; set; } = [];
}

public sealed class DiscoveryEndpoint
{
    [JsonPropertyName("specification"), XmlElement("specification")] public string Specification { get; set; } = "http://wiki.open311.org/GeoReport_v2";
    [JsonPropertyName("url"), XmlElement("url")] public string Url { get; set; } = "";
    [JsonPropertyName("changeset"), XmlElement("changeset")] public string Changeset { get; set; } = "";
    [JsonPropertyName("type"), XmlElement("type")] public string Type { get; set; } = "production";

    [JsonPropertyName("formats"), XmlArray("formats"), XmlArrayItem("format")]
    public List<string> Formats { get; set; } = ["text/xml", "application/json"];
}

[XmlRoot("services")]
public sealed class ServiceList : IOpen311Document
{
    [XmlElement("service")] public List<Service> Items { get; set; } = [];

    [XmlIgnore] public object Json => Items;
}

public sealed class Service
{
    [JsonPropertyName("service_code"), XmlElement("service_code")] public string ServiceCode { get; set; } = "";
    [JsonPropertyName("service_name"), XmlElement("service_name")] public string ServiceName { get; set; } = "";
    [JsonPropertyName("description"), XmlElement("description")] public string Description { get; set; } = "";
    [JsonPropertyName("metadata"), XmlElement("metadata")] public bool Metadata { get; set; }
    [JsonPropertyName("type"), XmlElement("type")] public string Type { get; set; } = "realtime";
    [JsonPropertyName("keywords"), XmlElement("keywords")] public string Keywords { get; set; } = "";
    [JsonPropertyName("group"), XmlElement("group")] public string Group { get; set; } = "";
}

[XmlRoot("service_definition")]
public sealed class ServiceDefinition
{
    [JsonPropertyName("service_code"), XmlElement("service_code")] public string ServiceCode { get; set; } = "";

    [JsonPropertyName("attributes"), XmlArray("attributes"), XmlArrayItem("attribute")]
    public List<ServiceAttribute> Attributes { get; set; } = [];
}

public sealed class ServiceAttribute
{
    [JsonPropertyName("variable"), XmlElement("variable")] public bool Variable { get; set; } = true;
    [JsonPropertyName("code"), XmlElement("code")] public string Code { get; set; } = "";
    [JsonPropertyName("datatype"), XmlElement("datatype")] public string Datatype { get; set; } = "string";
    [JsonPropertyName("required"), XmlElement("required")] public bool Required { get; set; }
    [JsonPropertyName("datatype_description"), XmlElement("datatype_description")] public string DatatypeDescription { get; set; } = "";
    [JsonPropertyName("order"), XmlElement("order")] public int Order { get; set; }
    [JsonPropertyName("description"), XmlElement("description")] public string Description { get; set; } = "";

    [JsonPropertyName("values"), XmlArray("values"), XmlArrayItem("value")]
    public List<AttributeValue> Values { get; set; } = [];
}

public sealed class AttributeValue
{
    [JsonPropertyName("key"), XmlElement("key")] public string Key { get; set; } = "";
    [JsonPropertyName("name"), XmlElement("name")] public string Name { get; set; } = "";
}

[XmlRoot("errors")]
public sealed class ErrorList : IOpen311Document
{
    [XmlElement("error")] public List<Error> Items { get; set; } = [];

    [XmlIgnore] public object Json => Items;
}

public sealed class Error
{
    [JsonPropertyName("code"), XmlElement("code")] public int Code { get; set; }
    [JsonPropertyName("description"), XmlElement("description")] public string Description { get; set; } = "";
}

[XmlRoot("service_requests")]
public sealed class ServiceRequestList : IOpen311Document
{
    [XmlElement("request")] public List<ServiceRequest> Items { get; set; } = [];

    [XmlIgnore] public object Json => Items;
}

/// <summary>A public report as a service request. Null fields are left out of both formats.</summary>
public sealed class ServiceRequest
{
    [JsonPropertyName("service_request_id"), XmlElement("service_request_id")] public string ServiceRequestId { get; set; } = "";
    [JsonPropertyName("token"), XmlElement("token")] public string? Token { get; set; }
    [JsonPropertyName("status"), XmlElement("status")] public string? Status { get; set; }
    [JsonPropertyName("status_notes"), XmlElement("status_notes")] public string? StatusNotes { get; set; }
    [JsonPropertyName("service_name"), XmlElement("service_name")] public string? ServiceName { get; set; }
    [JsonPropertyName("service_code"), XmlElement("service_code")] public string? ServiceCode { get; set; }
    [JsonPropertyName("description"), XmlElement("description")] public string? Description { get; set; }
    [JsonPropertyName("agency_responsible"), XmlElement("agency_responsible")] public string? AgencyResponsible { get; set; }
    [JsonPropertyName("service_notice"), XmlElement("service_notice")] public string? ServiceNotice { get; set; }
    [JsonPropertyName("requested_datetime"), XmlElement("requested_datetime")] public string? RequestedDatetime { get; set; }
    [JsonPropertyName("updated_datetime"), XmlElement("updated_datetime")] public string? UpdatedDatetime { get; set; }
    [JsonPropertyName("expected_datetime"), XmlElement("expected_datetime")] public string? ExpectedDatetime { get; set; }
    [JsonPropertyName("address"), XmlElement("address")] public string? Address { get; set; }
    [JsonPropertyName("lat"), XmlElement("lat")] public decimal? Latitude { get; set; }
    [JsonPropertyName("long"), XmlElement("long")] public decimal? Longitude { get; set; }
    [JsonPropertyName("media_url"), XmlElement("media_url")] public string? MediaUrl { get; set; }

    /// <summary>In a POST's answer: the account_id the app sent, as the specification's answer carries it.</summary>
    [JsonPropertyName("account_id"), XmlElement("account_id")] public string? AccountId { get; set; }

    // XmlSerializer cannot leave out an empty number by itself; these tell it when to.
    public bool ShouldSerializeLatitude() => Latitude is not null;

    public bool ShouldSerializeLongitude() => Longitude is not null;
}
