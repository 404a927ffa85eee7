namespace MarketSim.Silo.Hosting;

/// <summary>Where the silo's metrics go: the value of <c>Telemetry:Exporter</c>.</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere (the dashboard still shows the cluster).</summary>
    None,

    /// <summary>Printed to standard output every export interval: for a look without a collector.</summary>
    Console,

    /// <summary>OpenTelemetry protocol to the collector at <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (default http://localhost:4317).</summary>
    Otlp,
}
