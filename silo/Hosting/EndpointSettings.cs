using System.Net;
using MarketSim.Silo.Configuration;

namespace MarketSim.Silo.Hosting;

/// <summary>Where this silo listens and what address it publishes: <c>Orleans:Endpoints</c>.</summary>
public sealed record EndpointSettings(int SiloPort, int GatewayPort, IPAddress? AdvertisedIP)
{
    public const string SiloPortPath = "Orleans:Endpoints:SiloPort";
    public const string GatewayPortPath = "Orleans:Endpoints:GatewayPort";
    public const string AdvertisedIPPath = "Orleans:Endpoints:AdvertisedIP";

    public static EndpointSettings Read(IConfiguration configuration) => new(
        configuration.GetPort(SiloPortPath, 11111),
        configuration.GetPort(GatewayPortPath, 30000),
        configuration.GetIPAddress(AdvertisedIPPath));
}
