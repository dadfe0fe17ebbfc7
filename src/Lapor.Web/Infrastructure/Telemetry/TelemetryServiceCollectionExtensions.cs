using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Lapor.Web.Infrastructure.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The app's own counters, and OpenTelemetry metrics (HTTP server, .NET runtime, Lapor) pushed over OTLP when configured.</summary>
    public static IServiceCollection AddLaporTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LaporMetrics>();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return services;
        }

        var protocol = options.OtlpProtocol;
        var endpoint = new Uri(options.OtlpEndpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(LaporMetrics.MeterName)
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Protocol = protocol;

                    // Over HTTP the exporter posts to exactly this address, so name the metrics path.
                    exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, "v1/metrics") : endpoint;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
                }));
        return services;
    }
}
