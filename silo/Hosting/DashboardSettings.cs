using System.Net;
using MarketSim.Silo.Configuration;

namespace MarketSim.Silo.Hosting;

/// <summary>The Orleans Dashboard's HTTP port, <c>Orleans:Dashboard:Port</c>: default 8080, 0 turns it off.</summary>
public sealed class DashboardSettings
{
    public const string Path = "Orleans:Dashboard";

    [Port(zeroMeansOff: true)]
    public int Port { get; set; } = 8080;

    public bool Enabled => Port > 0;

    /// <exception cref="InvalidSettingException">The port is malformed.</exception>
    public static DashboardSettings Read(IConfiguration configuration) => configuration.Read<DashboardSettings>(Path);

    /// <summary>
    /// A silo that only loopback can reach (localhost clustering, or advertised on a loopback
    /// address) keeps its dashboard on loopback too; any other silo, typically in a container,
    /// serves it on every interface so a port mapping, Service or port-forward can reach it.
    /// </summary>
    public static bool LoopbackOnly(IConfiguration configuration) =>
        ClusteringSettings.Read(configuration).ProviderType is ClusteringProvider.Localhost
        || EndpointSettings.Read(configuration).AdvertisedAddress is { } address && IPAddress.IsLoopback(address);
}
