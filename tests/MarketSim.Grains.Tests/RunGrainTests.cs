using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;
using MarketSim.Grains.Participants;
using MarketSim.Grains.Venues;

namespace MarketSim.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RunGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Orleans_run_on_two_silos_matches_the_direct_engine_row_for_row()
    {
        var scenario = TestScenarios.SmallQuickstart();

        var orleans = await RunOnCluster(scenario, cohortSize: 200);
        var direct = await RunDirect(scenario);

        Assert.Equal(direct.Market, orleans.Market);
        Assert.Equal(direct.Flows, orleans.Flows);
        Assert.Equal(direct.Liquidations, orleans.Liquidations);
        Assert.Equal(direct.CostBasis, orleans.CostBasis);
        Assert.Equal(direct.Resonance, orleans.Resonance);
        Assert.Equal(direct.Triggers, orleans.Triggers);
        Assert.Equal(direct.RestingLevels, orleans.RestingLevels);
        Assert.NotEmpty(orleans.RestingLevels);
        Assert.NotEmpty(orleans.CostBasis);
        Assert.Equal(TraceHasher.Hash(direct), TraceHasher.Hash(orleans));
    }

    [Fact]
    public async Task Every_participant_class_runs_on_the_cluster_as_it_does_directly()
    {
        var scenario = TestScenarios.Load("all-participants.yaml", "ticks=50", "retail.count=4000", "retail.cohortSize=400");

        var orleans = await RunOnCluster(scenario, cohortSize: 400);
        var direct = await RunDirect(scenario);

        Assert.Equal(TraceHasher.Hash(direct), TraceHasher.Hash(orleans));
    }

    [Fact]
    public async Task Stops_resting_on_the_book_run_on_the_cluster_as_they_do_directly_at_any_cohort_size()
    {
        // Stops 0.03–0.08% under cost, so the calm first ticks already set some off (and those sales more).
        var scenario = TestScenarios.Load("stops-on-book.yaml", "ticks=100", "retail.count=4000", "retail.cohortSize=200", "retail.stopLoss.distanceMin=0.0003", "retail.stopLoss.distanceMax=0.0008");

        var direct = await RunDirect(scenario);
        var small = await RunOnCluster(scenario, cohortSize: 150);
        var large = await RunOnCluster(scenario, cohortSize: 4_000);

        Assert.True(direct.Triggers.Sum(t => t.StopOrders) > 0, "no stop on the book was triggered");
        Assert.Equal(direct.Triggers, small.Triggers);
        Assert.Equal(TraceHasher.Hash(direct), TraceHasher.Hash(small));
        Assert.Equal(TraceHasher.Hash(direct), TraceHasher.Hash(large));
    }

    [Fact]
    public async Task Makers_that_re_quote_between_rounds_and_refill_at_a_rate_run_on_the_cluster_as_they_do_directly()
    {
        // Stops a few basis points under cost, held by the traders (not on the book), so the calm first ticks set some
        // off and their sales more in further clearing rounds; the maker re-quotes after one round and refills 30% of
        // its missing depth a tick.
        var scenario = TestScenarios.Load(
            "stops-on-book.yaml", "ticks=100", "retail.count=4000", "retail.cohortSize=200", "retail.stopLoss.onBook=false",
            "retail.stopLoss.distanceMin=0.0003", "retail.stopLoss.distanceMax=0.0008",
            "marketMakers[0].requoteDelayRounds=1", "marketMakers[0].depthResilience=0.3");

        var direct = await RunDirect(scenario);
        var small = await RunOnCluster(scenario, cohortSize: 150);
        var large = await RunOnCluster(scenario, cohortSize: 4_000);

        Assert.Contains(direct.Market, row => row.CascadeRounds > 1);
        Assert.Equal(TraceHasher.Hash(direct), TraceHasher.Hash(small));
        Assert.Equal(TraceHasher.Hash(direct), TraceHasher.Hash(large));
    }

    [Fact]
    public async Task Cohort_size_does_not_change_the_orleans_trace()
    {
        var scenario = TestScenarios.SmallQuickstart(seed: 5, ticks: 40);

        var small = TraceHasher.Hash(await RunOnCluster(scenario, cohortSize: 150));
        var large = TraceHasher.Hash(await RunOnCluster(scenario, cohortSize: 4_000));

        Assert.Equal(small, large);
    }

    [Fact]
    public async Task Cohorts_and_venues_are_spread_round_robin_over_the_silos_in_address_order()
    {
        var scenario = TestScenarios.SmallQuickstart(seed: 9, ticks: 2);
        var runId = NewRunId();
        await RunOnCluster(scenario, cohortSize: 200, runId: runId);

        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        var silos = statistics.Select(s => s.SiloAddress).Distinct().Order().ToArray();
        var ofRun = statistics.Where(s => s.GrainId.Key.ToString()!.StartsWith($"{runId}/", StringComparison.Ordinal)).ToArray();
        var cohorts = ofRun.Where(s => s.GrainType.Contains(nameof(RetailCohortGrain), StringComparison.Ordinal)).ToArray();
        var venues = ofRun.Where(s => s.GrainType.Contains(nameof(VenueGrain), StringComparison.Ordinal)).ToArray();

        Assert.Equal(2, silos.Length);
        Assert.Equal(20, cohorts.Length);
        Assert.NotEmpty(venues);
        Assert.All(cohorts.Concat(venues), s => Assert.Equal(silos[RunSetup.SpreadIndex(s.GrainId.Key.ToString()!)!.Value % 2], s.SiloAddress));
        Assert.Equal([10, 10], cohorts.GroupBy(s => s.SiloAddress).Select(g => g.Count()));
    }

    [Fact]
    public async Task A_spread_offset_moves_the_venue_to_the_next_silo_and_keeps_the_trace()
    {
        var scenario = TestScenarios.SmallQuickstart(seed: 9, ticks: 20);
        var plain = NewRunId();
        var offset = NewRunId();

        var withoutOffset = await RunOnCluster(scenario, cohortSize: 200, runId: plain);
        var withOffset = await RunOnCluster(scenario, cohortSize: 200, runId: offset, spreadOffset: 1);

        var statistics = await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var silos = statistics.Select(s => s.SiloAddress).Distinct().Order().ToArray();
        SiloAddress VenueSilo(string runId) => Assert.Single(statistics, s =>
            s.GrainId.Key.ToString()!.StartsWith($"{runId}/", StringComparison.Ordinal) && s.GrainType.Contains(nameof(VenueGrain), StringComparison.Ordinal)).SiloAddress;
        Assert.Equal(2, silos.Length);
        Assert.Equal(silos[0], VenueSilo(plain));
        Assert.Equal(silos[1], VenueSilo(offset));
        Assert.Equal(TraceHasher.Hash(await RunDirect(scenario)), TraceHasher.Hash(withOffset));
        Assert.Equal(TraceHasher.Hash(withoutOffset), TraceHasher.Hash(withOffset));
    }

    [Fact]
    public async Task Conservation_holds_in_every_tick_on_the_cluster()
    {
        var records = new List<TickRecord>();
        await RunOnCluster(TestScenarios.SmallQuickstart(seed: 3, ticks: 80), cohortSize: 200, records);

        Assert.Equal(80, records.Count);
        Assert.All(records, r => Assert.True(r.Conservation.Holds, $"tick {r.Tick}"));
    }

    [Fact]
    public async Task Advance_is_safe_to_call_after_the_run_finished()
    {
        var scenario = TestScenarios.SmallQuickstart(seed: 4, ticks: 3);
        var run = fixture.Client.GetGrain<IRunGrain>(NewRunId());
        await run.Start(new RunSetup(run.GetPrimaryKeyString(), scenario, 200));

        var first = await run.Advance(10);
        var again = await run.Advance(10);

        Assert.Equal(3, first.Records.Count);
        Assert.True(first.Finished);
        Assert.Empty(again.Records);
        Assert.True(again.Finished);
    }

    [Fact]
    public async Task A_run_kept_on_one_silo_puts_every_cohort_and_venue_on_its_offset_silo_and_keeps_the_trace()
    {
        var scenario = TestScenarios.SmallQuickstart(seed: 9, ticks: 20);
        var onFirst = NewRunId();
        var onSecond = NewRunId();

        var first = await RunOnCluster(scenario, cohortSize: 200, runId: onFirst, oneSilo: true);
        var second = await RunOnCluster(scenario, cohortSize: 200, runId: onSecond, spreadOffset: 1, oneSilo: true);

        var statistics = await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var silos = statistics.Select(s => s.SiloAddress).Distinct().Order().ToArray();
        SiloAddress[] SilosOf(string runId) =>
        [
            .. statistics
                .Where(s => s.GrainId.Key.ToString()!.StartsWith($"{runId}/", StringComparison.Ordinal)
                    && (s.GrainType.Contains(nameof(RetailCohortGrain), StringComparison.Ordinal) || s.GrainType.Contains(nameof(VenueGrain), StringComparison.Ordinal)))
                .Select(s => s.SiloAddress)
                .Distinct(),
        ];
        Assert.Equal(2, silos.Length);
        Assert.Equal([silos[0]], SilosOf(onFirst));
        Assert.Equal([silos[1]], SilosOf(onSecond));
        Assert.Equal(TraceHasher.Hash(await RunDirect(scenario)), TraceHasher.Hash(first));
        Assert.Equal(TraceHasher.Hash(first), TraceHasher.Hash(second));
    }

    private async Task<Trace> RunOnCluster(Scenario scenario, int cohortSize, List<TickRecord>? records = null, string? runId = null, int spreadOffset = 0, bool oneSilo = false)
    {
        var run = fixture.Client.GetGrain<IRunGrain>(runId ?? NewRunId());
        await run.Start(new RunSetup(run.GetPrimaryKeyString(), scenario, cohortSize, SpreadOffset: spreadOffset, OneSilo: oneSilo));
        var trace = new Trace();
        TickBatch batch;
        do
        {
            batch = await run.Advance(16);
            foreach (var record in batch.Records)
            {
                trace.Add(record);
                records?.Add(record);
            }
        }
        while (!batch.Finished);

        return trace;
    }

    internal static async Task<Trace> RunDirect(Scenario scenario)
    {
        var layout = new MarketLayout(scenario);
        var cycle = new TickCycle(layout, new DirectMarket(layout));
        var trace = new Trace();
        while (cycle.NextTick < scenario.Ticks)
        {
            trace.Add(await cycle.RunTickAsync());
        }

        return trace;
    }

    private static string NewRunId() => $"test-{Guid.NewGuid():N}";
}
