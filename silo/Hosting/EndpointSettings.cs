using System.Net;
using MarketSim.Silo.Configuration;

namespace MarketSim.Silo.Hosting;

/// <summary>Where this silo listens and what address it publishes: <c>Orleans:Endpoints</c>.</summary>
public sealed class EndpointSettings
{
    public const string Path = "Orleans:Endpoints";

    [Port]
    public int SiloPort { get; set; } = 11111;

    [Port]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address published in the membership table; none lets Orleans pick this host's.</summary>
    [IPAddress]
    public string? AdvertisedIP { get; set; }

    public IPAddress? AdvertisedAddress => IPAddressAttribute.Parse(AdvertisedIP);

    /// <exception cref="InvalidSettingException">A port or address is malformed.</exception>
    public static EndpointSettings Read(IConfiguration configuration) => configuration.Read<EndpointSettings>(Path);
}
