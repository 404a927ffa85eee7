using MarketSim.Grains.Hosting;
using Microsoft.Extensions.Configuration;

namespace MarketSim.Silo;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Configures a MarketSim silo from configuration. <c>Orleans:Clustering:ProviderType</c> chooses
    /// the membership: <c>Localhost</c> (default, development). Ports come from
    /// <c>Orleans:Endpoints:SiloPort</c> and <c>Orleans:Endpoints:GatewayPort</c>.
    /// </summary>
    public static ISiloBuilder AddMarketSimSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var provider = configuration["Orleans:Clustering:ProviderType"] ?? "Localhost";
        switch (provider)
        {
            case "Localhost":
                silo.UseLocalhostClustering(
                    configuration.GetValue("Orleans:Endpoints:SiloPort", 11111),
                    configuration.GetValue("Orleans:Endpoints:GatewayPort", 30000));
                break;
            default:
                throw new InvalidOperationException($"Orleans:Clustering:ProviderType: unknown provider '{provider}' (expected Localhost)");
        }

        return silo.AddMarketSim();
    }
}
