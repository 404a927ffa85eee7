using System.Diagnostics;
using System.Runtime.CompilerServices;
using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Client.Cluster;
using MarketSim.Engine.Traces;
using MarketSim.Grains.Hosting;

namespace MarketSim.Client.Runs;

/// <summary>
/// Runs a scenario on Orleans: the run grain drives it; this host pulls its rows in batches. When
/// the coordinator itself is lost (its silo died mid-call) this host re-drives the run: a new
/// activation on a surviving silo restores the last checkpoint, and the rows it replays are checked
/// against the ones already delivered and dropped.
/// </summary>
public sealed class OrleansRunHost(IGrainFactory grains, int silos, IAsyncDisposable? owned = null) : IRunHost
{
    /// <summary>Ticks asked for per Advance call; the grain also stops early on time.</summary>
    private const int TicksPerCall = 64;

    /// <summary>How long to keep trying to resume a run whose coordinator was lost.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

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

    public async IAsyncEnumerable<TickRecord> RunAsync(RunSetup setup, ICollection<RunRecovery> recoveries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var run = grains.GetGrain<IRunGrain>(setup.RunId);
        await run.Start(setup);
        var delivered = new ReplayCheck();
        var coordinator = "";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TickBatch batch;
            try
            {
                batch = await run.Advance(TicksPerCall);
            }
            catch (Exception e) when (SiloLoss.IsLoss(e) && !cancellationToken.IsCancellationRequested)
            {
                if (await ResumeAsync(run, setup, delivered.NextTick, e, coordinator, cancellationToken) is { } recovery)
                {
                    recoveries.Add(recovery);
                }

                continue;
            }

            coordinator = batch.Silo;
            foreach (var recovery in batch.Recoveries ?? [])
            {
                recoveries.Add(recovery);
            }

            foreach (var record in batch.Records)
            {
                if (delivered.IsNew(record))
                {
                    yield return record;
                }
            }

            if (batch.Finished)
            {
                yield break;
            }
        }
    }

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Asks the run grain — a new activation if its silo is gone — to restore the run; retries while the cluster settles.</summary>
    private static async Task<RunRecovery?> ResumeAsync(IRunGrain run, RunSetup setup, long nextTick, Exception cause, string coordinator, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            // Nothing answers for the lost coordinator until membership has declared its silo dead.
            await Task.Delay(delay, cancellationToken);
            try
            {
                return await run.Resume(setup, nextTick, SiloLoss.Describe(cause), coordinator.Length > 0 ? coordinator : null);
            }
            catch (Exception e) when (SiloLoss.IsLoss(e) && clock.Elapsed < GiveUpAfter)
            {
                delay = TimeSpan.FromSeconds(Math.Min(4, delay.TotalSeconds * 2));
            }
        }
    }
}
