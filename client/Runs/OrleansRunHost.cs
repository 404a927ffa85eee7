using System.Runtime.CompilerServices;
using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Client.Cluster;
using MarketSim.Engine.Traces;
using MarketSim.Grains.Hosting;

namespace MarketSim.Client.Runs;

/// <summary>Runs a scenario on Orleans: the run grain drives it; this host pulls its rows in batches.</summary>
public sealed class OrleansRunHost(IGrainFactory grains, int silos, IAsyncDisposable? owned = null) : IRunHost
{
    /// <summary>Ticks asked for per Advance call; the grain also stops early on time.</summary>
    private const int TicksPerCall = 64;

    public string Engine => "orleans";

    public int Silos => silos;

    /// <summary>Starts <paramref name="silos"/> silos in this process and runs on them.</summary>
    public static async Task<OrleansRunHost> StartEmbeddedAsync(int silos, CancellationToken cancellationToken)
    {
        var cluster = await EmbeddedCluster.StartAsync(silos, cancellationToken);
        return new OrleansRunHost(cluster.Grains, silos, cluster);
    }

    /// <summary>Joins a running cluster as a client and runs on its silos.</summary>
    /// <exception cref="ClusterUnreachableException">No active silo could be reached in time.</exception>
    public static async Task<OrleansRunHost> ConnectAsync(ClusterTarget target, CancellationToken cancellationToken)
    {
        var connection = await ClusterConnection.ConnectAsync(target, cancellationToken);
        return new OrleansRunHost(connection.Grains, connection.ActiveSilos, connection);
    }

    public async IAsyncEnumerable<TickRecord> RunAsync(RunSetup setup, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var run = grains.GetGrain<IRunGrain>(setup.RunId);
        await run.Start(setup);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await run.Advance(TicksPerCall);
            foreach (var record in batch.Records)
            {
                yield return record;
            }

            if (batch.Finished)
            {
                yield break;
            }
        }
    }

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
