using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace MarketSim.Grains.Hosting;

/// <summary>
/// One or more Orleans silos inside this process, clustered over localhost, the first being the
/// primary. Ports are chosen free at start so several runs (or test processes) never collide.
/// Grain calls go through the first silo's co-hosted grain factory.
/// </summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly IReadOnlyList<IHost> _hosts;

    private EmbeddedCluster(IReadOnlyList<IHost> hosts)
    {
        _hosts = hosts;
        Grains = hosts[0].Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    public static async Task<EmbeddedCluster> StartAsync(int silos, CancellationToken cancellationToken)
    {
        var clusterId = $"marketsim-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var hosts = new List<IHost>();
        IPEndPoint? primary = null;
        try
        {
            for (var i = 0; i < silos; i++)
            {
                var siloPort = FreePort();
                var gatewayPort = FreePort();
                var builder = Host.CreateApplicationBuilder();
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                var primaryEndpoint = primary;
                builder.UseOrleans(silo => silo
                    .UseLocalhostClustering(siloPort, gatewayPort, primaryEndpoint, serviceId: ClusterDefaults.ServiceId, clusterId: clusterId)
                    .Configure<ClusterMembershipOptions>(o => o.NumMissedProbesLimit = 2)
                    .AddMemoryGrainStorage(ClusterDefaults.CheckpointStorage)
                    .AddMarketSim());
                var host = builder.Build();
                await host.StartAsync(cancellationToken);
                hosts.Add(host);
                primary ??= new IPEndPoint(IPAddress.Loopback, siloPort);
            }
        }
        catch
        {
            await StopAsync(hosts);
            throw;
        }

        return new EmbeddedCluster(hosts);
    }

    public async ValueTask DisposeAsync() => await StopAsync(_hosts);

    private static async Task StopAsync(IEnumerable<IHost> hosts)
    {
        // Secondary silos first, so the primary sees them leave cleanly.
        foreach (var host in hosts.Reverse())
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(timeout.Token);
            host.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
