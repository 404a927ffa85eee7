using MarketSim.Silo.Configuration;
using OpenTelemetry.Metrics;

namespace MarketSim.Silo.Hosting;

public static class TelemetryExtensions
{
    /// <summary>The meter Orleans publishes its runtime metrics on (messaging, grain calls, activations, membership).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Exports the <c>Microsoft.Orleans</c> metrics through OpenTelemetry when
    /// <c>Telemetry:Exporter</c> is <c>console</c> or <c>otlp</c> (default <c>none</c>). The standard
    /// <c>OTEL_*</c> variables apply: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>,
    /// <c>OTEL_METRIC_EXPORT_INTERVAL</c> (milliseconds), <c>OTEL_SERVICE_NAME</c>.
    /// </summary>
    /// <exception cref="InvalidSettingException">The exporter is not one of none, console, otlp.</exception>
    public static IServiceCollection AddMarketSimTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = TelemetrySettings.Read(configuration).Exporter;
        if (exporter is TelemetryExporter.None)
        {
            return services;
        }

        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(OrleansMeter);
            if (exporter is TelemetryExporter.Console)
            {
                metrics.AddConsoleExporter();
            }
            else
            {
                metrics.AddOtlpExporter();
            }
        });
        return services;
    }
}
