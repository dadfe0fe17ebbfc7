using OpenTelemetry.Exporter;

namespace Lapor.Web.Infrastructure.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>The collector's OTLP address (for example <c>http://otel-collector:4318</c>); empty exports nothing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Grpc (port 4317) or HttpProtobuf (port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.HttpProtobuf;

    /// <summary>How often metrics are pushed to the collector.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The service.name resource attribute; set one per deployment (for example lapor-jatim).</summary>
    public string ServiceName { get; set; } = "lapor";
}
