using System.Net;
using MarketSim.Silo.Configuration;

namespace MarketSim.Silo.Hosting;

/// <summary>The Orleans Dashboard's HTTP port, <c>Orleans:Dashboard:Port</c>: default 8080, 0 turns it off.</summary>
public sealed record DashboardSettings(int Port)
{
    public const string PortPath = "Orleans:Dashboard:Port";

    public bool Enabled => Port > 0;

    public static DashboardSettings Read(IConfiguration configuration) =>
        new(configuration.GetPort(PortPath, 8080, zeroMeansOff: true));

    /// <summary>
    /// A silo that only loopback can reach (localhost clustering, or advertised on a loopback
    /// address) keeps its dashboard on loopback too; any other silo, typically in a container,
    /// serves it on every interface so a port mapping, Service or port-forward can reach it.
    /// </summary>
    public static bool LoopbackOnly(IConfiguration configuration) =>
        ClusteringSettings.Read(configuration).Provider is ClusteringProvider.Localhost
        || EndpointSettings.Read(configuration).AdvertisedIP is { } address && IPAddress.IsLoopback(address);
}
