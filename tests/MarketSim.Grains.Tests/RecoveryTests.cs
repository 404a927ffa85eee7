using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Abstractions.Serialization;
using MarketSim.Engine.Traces;
using MarketSim.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Runtime.Placement;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace MarketSim.Grains.Tests;

/// <summary>
/// The coordinator's recovery path on a two-silo test cluster of its own (it ends with one silo): a
/// silo that hosts part of the run is killed, and the coordinator restores the last checkpoint on the
/// survivor and replays, so the rows are those of the direct engine; a finished run leaves no
/// checkpoints behind in storage.
/// </summary>
public sealed class RecoveryTests
{
    [Fact]
    public async Task A_run_that_loses_a_silo_restores_the_last_checkpoint_and_writes_the_direct_trace()
    {
        var scenario = TestScenarios.SmallQuickstart(seed: 6, ticks: 60);
        await using var cluster = Build();
        await cluster.DeployAsync();
        await cluster.PlacesOnAllSilosAsync();
        var primary = cluster.Silos[0].SiloAddress.ToString();

        // The coordinator must survive for its own recovery path to run: place it on the primary, and
        // kill the other silo, which spread placement gives part of every run.
        var run = cluster.Client.GetGrain<IRunGrain>($"test-{Guid.NewGuid():N}");
        RequestContext.Set(IPlacementDirector.PlacementHintKey, cluster.Silos[0].SiloAddress);
        await run.Start(new RunSetup(run.GetPrimaryKeyString(), scenario, 200, CheckpointEvery: 10));
        RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        var batch = await run.Advance(1);
        Assert.Equal(primary, batch.Silo);

        var rows = new SortedDictionary<long, TickRecord> { [0] = batch.Records[0] };
        while (batch.NextTick < 25)
        {
            batch = await run.Advance(1);
            rows.Add(batch.Records[0].Tick, batch.Records[0]);
        }

        await cluster.KillSiloAsync(cluster.Silos[1]);
        var recoveries = new List<RunRecovery>();
        do
        {
            batch = await run.Advance(16);
            recoveries.AddRange(batch.Recoveries ?? []);
            foreach (var record in batch.Records)
            {
                if (!rows.TryAdd(record.Tick, record))
                {
                    Assert.Equal(TraceHasher.Hash(Trace(rows[record.Tick])), TraceHasher.Hash(Trace(record)));
                }
            }
        }
        while (!batch.Finished);

        var recovery = Assert.Single(recoveries);
        Assert.Equal((RecoveredBy.Coordinator, 20L, 25L), (recovery.By, recovery.FromCheckpoint, recovery.AtTick));
        Assert.Equal(TraceHasher.Hash(await RunGrainTests.RunDirect(scenario)), TraceHasher.Hash(Trace([.. rows.Values])));
        Assert.DoesNotContain(SharedGrainStorage.Grains, grain => grain.ToString().Contains(run.GetPrimaryKeyString(), StringComparison.Ordinal));
    }

    private static InProcessTestCluster Build()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddGrainStorage(ClusterDefaults.CheckpointStorage, (services, _) => new SharedGrainStorage(services.GetRequiredService<DeepCopier>()));
            silo.AddMarketSim();
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddMarketSimSerialization()));
        return builder.Build();
    }

    private static Trace Trace(params TickRecord[] records)
    {
        var trace = new Trace();
        foreach (var record in records)
        {
            trace.Add(record);
        }

        return trace;
    }
}
