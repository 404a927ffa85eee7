using System.ComponentModel.DataAnnotations;
using MarketSim.Silo.Configuration;

namespace MarketSim.Silo.Hosting;

/// <summary>Where the silo's metrics go: <c>Telemetry:Exporter</c>, default none.</summary>
public sealed class TelemetrySettings
{
    public const string Path = "Telemetry";

    [EnumDataType(typeof(TelemetryExporter), ErrorMessage = "must be one of None, Console, Otlp")]
    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <exception cref="InvalidSettingException">The exporter is not one of none, console, otlp.</exception>
    public static TelemetrySettings Read(IConfiguration configuration) => configuration.Read<TelemetrySettings>(Path);
}
