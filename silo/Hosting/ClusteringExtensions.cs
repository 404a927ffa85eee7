using System.Net;
using Orleans.Configuration;

namespace MarketSim.Silo.Hosting;

public static class ClusteringExtensions
{
    /// <summary>
    /// Configures membership from configuration. <c>Orleans:Clustering:ProviderType</c> is
    /// <c>Localhost</c> (default: one silo, membership in memory), <c>Redis</c> (membership in the
    /// Redis at <c>Orleans:Clustering:ConnectionString</c>) or <c>Kubernetes</c> (Redis membership
    /// plus Kubernetes hosting, which takes the pod's name, IP and the <c>ORLEANS_SERVICE_ID</c> /
    /// <c>ORLEANS_CLUSTER_ID</c> variables from the pod). <c>Orleans:ClusterId</c> and
    /// <c>Orleans:ServiceId</c> default to <c>marketsim</c>, as the client's do.
    /// </summary>
    /// <exception cref="Configuration.InvalidSettingException">A setting is missing or malformed.</exception>
    public static ISiloBuilder AddMarketSimClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var clustering = ClusteringSettings.Read(configuration);
        var (clusterId, serviceId) = ClusteringSettings.Identity(configuration);
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = clusterId;
            options.ServiceId = serviceId;
        });

        switch (clustering.ProviderType)
        {
            case ClusteringProvider.Localhost:
                var siloPort = EndpointSettings.Read(configuration).SiloPort;
                // A localhost silo is its own primary, and nothing off this machine can reach it.
                silo.UseDevelopmentClustering(new IPEndPoint(IPAddress.Loopback, siloPort));
                silo.Configure<EndpointOptions>(options => options.AdvertisedIPAddress ??= IPAddress.Loopback);
                break;
            case ClusteringProvider.Redis:
                silo.UseRedisClustering(clustering.ConnectionString!);
                break;
            case ClusteringProvider.Kubernetes:
                silo.UseRedisClustering(clustering.ConnectionString!);
                silo.UseKubernetesHosting();
                break;
        }

        return silo;
    }
}
