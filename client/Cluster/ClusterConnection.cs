using MarketSim.Abstractions.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using StackExchange.Redis;

namespace MarketSim.Client.Cluster;

/// <summary>
/// An Orleans client joined to a running cluster through its Redis membership table. Connecting
/// either succeeds with at least one active silo or fails within <see cref="ConnectTimeout"/> with a
/// <see cref="ClusterUnreachableException"/>; it never waits for a cluster to appear.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>Whole budget for reaching Redis, a gateway and the management grain: well inside the 15 s users are promised.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RedisConnectTimeout = TimeSpan.FromSeconds(4);

    private readonly IHost _host;

    private ClusterConnection(IHost host, int activeSilos)
    {
        _host = host;
        ActiveSilos = activeSilos;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    public IGrainFactory Grains { get; }

    /// <summary>Silos active when the client joined, as the cluster's management grain reported them.</summary>
    public int ActiveSilos { get; }

    public static async Task<ClusterConnection> ConnectAsync(ClusterTarget target, CancellationToken cancellationToken)
    {
        var host = BuildClientHost(target);
        try
        {
            return new ClusterConnection(host, await JoinAsync(host, target, cancellationToken));
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The run is over and its trace is ours; a gateway that misses the goodbye does not fail it.
        }
        finally
        {
            _host.Dispose();
        }
    }

    /// <summary>
    /// A host with only the Orleans client. It is built from an empty configuration on purpose:
    /// <c>Orleans__*</c> variables meant for a silo on this machine must not reconfigure the client.
    /// </summary>
    private static IHost BuildClientHost(ClusterTarget target)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (Environment.GetEnvironmentVariable("MARKETSIM_DEBUG") == "1")
        {
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Information);
        }

        builder.Services.AddOrleansClient(client => client
            .UseRedisClustering(options => options.ConfigurationOptions = target.Address.ToRedisOptions(RedisConnectTimeout))
            // Orleans retries a cluster without gateways for about half a minute, for clients that
            // start alongside their silos. Someone at a terminal is better served by the answer.
            .UseConnectionRetryFilter((_, _) => Task.FromResult(false))
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = target.ClusterId;
                options.ServiceId = target.ServiceId;
            }));

        // The same serializers as every silo, or Engine records cannot cross the wire.
        builder.Services.AddSerializer(serializer => serializer.AddMarketSimSerialization());
        return builder.Build();
    }

    /// <summary>Starts the client and counts the active silos; any failure but the user's cancellation becomes one explained line.</summary>
    private static async Task<int> JoinAsync(IHost host, ClusterTarget target, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
            var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
            var silos = await management.GetHosts(onlyActive: true).WaitAsync(timeout.Token);
            return silos.Count > 0 ? silos.Count : throw new ClusterUnreachableException(target, "the membership table lists no active silo");
        }
        catch (Exception e) when (e is not ClusterUnreachableException && !cancellationToken.IsCancellationRequested)
        {
            throw new ClusterUnreachableException(target, Explain(e, target), e);
        }
    }

    private static string Explain(Exception e, ClusterTarget target) => e switch
    {
        RedisConnectionException => "no Redis server answers there",
        OperationCanceledException => $"no answer within {ConnectTimeout.TotalSeconds:0} s",
        SiloUnavailableException => $"no silo of cluster '{target.ClusterId}' (service '{target.ServiceId}') is registered there",
        _ => e.Message.Split('\n', 2)[0].Trim(),
    };
}
