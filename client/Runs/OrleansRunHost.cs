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

    /// <summary>How often a pending Advance call checks that the coordinator's silo is still active.</summary>
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);

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

        // Stopping tells the coordinator, so that the Advance in progress returns within a tick with
        // the rows so far, and nothing keeps running ticks (or checkpoints) for a caller that has left.
        await using var stopping = cancellationToken.Register(() => _ = CancelQuietlyAsync(run));
        await run.Start(setup);
        var delivered = new ReplayCheck();
        var coordinator = "";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TickBatch batch;
            try
            {
                batch = await AdvanceWatchingAsync(run, coordinator);
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

    /// <summary>
    /// One Advance call, watching meanwhile whether the coordinator's silo is still active: once the
    /// cluster declares it dead the call is abandoned at once, rather than after the 30 s response timeout.
    /// </summary>
    private async Task<TickBatch> AdvanceWatchingAsync(IRunGrain run, string coordinator)
    {
        var advance = run.Advance(TicksPerCall);

        // Not cancelled by the token: a stopped run's Advance returns the ticks it completed, within a tick.
        while (coordinator.Length > 0 && await Task.WhenAny(advance, Task.Delay(WatchInterval, CancellationToken.None)) != advance)
        {
            if (!await IsActiveAsync(coordinator))
            {
                // Nobody will read the abandoned call's outcome; observe it so it is not reported as unobserved.
                _ = advance.ContinueWith(t => t.Exception, TaskScheduler.Default);
                throw new SiloUnavailableException($"the coordinator's silo {coordinator} was declared dead");
            }
        }

        return await advance;
    }

    /// <summary>Tells the coordinator to stop; a cluster that cannot be reached any more has nothing to stop.</summary>
    private static async Task CancelQuietlyAsync(IRunGrain run)
    {
        try
        {
            await run.Cancel();
        }
        catch (Exception e) when (SiloLoss.IsLoss(e) || e is ObjectDisposedException or OrleansException)
        {
            // The run's grains go when idle; its checkpoints stay until the storage is cleared.
        }
    }

    /// <summary>Whether the membership lists <paramref name="silo"/> as active; true when it cannot tell.</summary>
    private async Task<bool> IsActiveAsync(string silo)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            return hosts.Keys.Any(address => address.ToString() == silo);
        }
        catch (Exception e) when (SiloLoss.IsLoss(e))
        {
            return true;
        }
    }

    /// <summary>
    /// Asks the run grain — a new activation if its silo is gone — to restore the run; retries while the cluster
    /// settles (<see cref="SiloLossRetry"/>, the coordinator's policy too), and gives up as long after the loss.
    /// </summary>
    private static Task<RunRecovery?> ResumeAsync(IRunGrain run, RunSetup setup, long nextTick, Exception cause, string coordinator, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        return SiloLossRetry.ExecuteAsync(
            () => run.Resume(setup, nextTick, SiloLoss.Describe(cause), coordinator.Length > 0 ? coordinator : null),
            keepTrying: () => clock.Elapsed < SiloLossRetry.GiveUpAfter,
            cancellationToken);
    }
}
