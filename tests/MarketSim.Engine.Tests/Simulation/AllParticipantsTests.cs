using MarketSim.Engine.Markets;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Simulation;

/// <summary>The scenario with every participant class: each one trades, and the invariants still hold.</summary>
[Trait("Category", "Slow")] // runs library scenarios in full
public sealed class AllParticipantsTests
{
    [Fact]
    public async Task Every_class_has_a_non_zero_net_flow_and_every_tick_conserves()
    {
        var (trace, records) = await DirectMarketTests.Run(Load(ticks: 200, cohortSize: 20_000));

        foreach (var name in Enum.GetValues<ParticipantClass>().Select(c => c.TraceName()))
        {
            Assert.Contains(trace.Flows, f => f.ParticipantClass == name && f.NetNotional != 0);
        }

        Assert.All(records, r => Assert.True(r.Conservation.Holds, $"tick {r.Tick}"));
    }

    [Fact]
    public async Task Cohort_size_does_not_change_the_trace_with_every_class_on()
    {
        var small = (await DirectMarketTests.Run(Load(ticks: 100, cohortSize: 3_000))).Trace;
        var large = (await DirectMarketTests.Run(Load(ticks: 100, cohortSize: 40_000))).Trace;

        // The cost-basis distributions are merged from 14 cohorts in one run and taken from one in the other.
        Assert.Equal(large.CostBasis, small.CostBasis);
        Assert.Equal(large.Resonance, small.Resonance);
        Assert.Equal(large.Triggers, small.Triggers);
        Assert.Equal(large.RestingLevels, small.RestingLevels);
        Assert.Contains(small.RestingLevels, r => r.Liquidations > 0);
        Assert.Equal(TraceHasher.Hash(small), TraceHasher.Hash(large));
    }

    [Fact]
    public async Task Every_class_that_holds_a_long_position_has_a_cost_basis_and_etf_holders_count_in_the_underlying()
    {
        var (trace, _) = await DirectMarketTests.Run(Load(ticks: 60, cohortSize: 20_000));

        var classes = trace.CostBasis.Select(r => r.ParticipantClass).ToHashSet();
        foreach (var name in new[] { "retail", "market_maker", "arbitrageur", "etf_investors", "leveraged_etf" })
        {
            Assert.Contains(name, classes);
        }

        Assert.DoesNotContain("etf_issuer", classes);
        Assert.All(trace.CostBasis, r => Assert.Equal("BTC", r.Instrument));
        Assert.All(trace.Resonance, r => Assert.Equal("BTC", r.Instrument));

        // The ETF's investors start with their shares at the initial share price: 50 / 0.0005 BTC a share = 100,000.
        var etf = trace.CostBasis.First(r => r.ParticipantClass == "etf_investors");
        Assert.Equal(100_000, etf.MeanCost, 6);
        Assert.Equal(1, etf.Holders);
        var etfUnits = trace.CostBasis.Where(r => r.ParticipantClass == "etf_investors").ToDictionary(r => r.Tick, r => r.Units);
        Assert.All(trace.Resonance, r => Assert.True(r.InstitutionalUnits >= etfUnits[r.Tick], $"tick {r.Tick}: institutional {r.InstitutionalUnits} < ETF holders {etfUnits[r.Tick]}"));
    }

    internal static Scenario Load(int ticks, int cohortSize)
    {
        var path = RepositoryRoot.Scenario("all-participants.yaml");
        var result = ScenarioReader.Read(File.ReadAllText(path), path, [$"ticks={ticks}", "retail.count=40000", $"retail.cohortSize={cohortSize}"]);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return result.Scenario;
    }
}
