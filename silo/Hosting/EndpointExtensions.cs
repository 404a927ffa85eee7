using Orleans.Configuration;

namespace MarketSim.Silo.Hosting;

public static class EndpointExtensions
{
    /// <summary>
    /// Sets the silo-to-silo port (<c>Orleans:Endpoints:SiloPort</c>, default 11111), the client
    /// gateway port (<c>Orleans:Endpoints:GatewayPort</c>, default 30000) and, when given, the
    /// address published in the membership table (<c>Orleans:Endpoints:AdvertisedIP</c>). Without
    /// one, Orleans picks this host's address (on Kubernetes, the pod IP); a localhost silo
    /// advertises 127.0.0.1.
    /// </summary>
    /// <exception cref="Configuration.InvalidSettingException">A port or address is malformed.</exception>
    public static ISiloBuilder AddMarketSimEndpoints(this ISiloBuilder silo, IConfiguration configuration)
    {
        var endpoints = EndpointSettings.Read(configuration);
        silo.Configure<EndpointOptions>(options =>
        {
            options.SiloPort = endpoints.SiloPort;
            options.GatewayPort = endpoints.GatewayPort;
            if (endpoints.AdvertisedAddress is { } address)
            {
                options.AdvertisedIPAddress = address;
            }
        });
        return silo;
    }
}
