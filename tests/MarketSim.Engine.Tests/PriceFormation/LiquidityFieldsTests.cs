using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.PriceFormation;

/// <summary>The liquidity fields of a market maker and a venue's mark price, read from YAML.</summary>
public sealed class LiquidityFieldsTests
{
    private const string Market = """
        name: t
        ticks: 10
        instruments:
          - { id: X, tickSize: 1, lotSize: 1, initialPrice: 100 }
        retail:
          count: 10
          venue: v
          instrument: X
        """;

    [Fact]
    public void A_maker_reads_its_re_quote_delay_and_depth_resilience_and_a_venue_its_mark_price()
    {
        var scenario = ScenarioReader.Read(Market + """

            venues:
              - { id: v, instruments: [X], markPrice: { sources: [{ venue: v }, { venue: w, weight: 3 }], emaTicks: 4, clampBps: 50 } }
              - { id: w, instruments: [X] }
            marketMakers:
              - { id: m, venue: v, instrument: X, cash: 1000, sizePerLevel: 1, requoteDelayRounds: 2, depthResilience: 0.25 }
            """, "t.yaml").Scenario!;

        Assert.Equal((2, 0.25), (scenario.MarketMakers[0].RequoteDelayRounds, scenario.MarketMakers[0].DepthResilience));
        var mark = scenario.Venues[0].MarkPrice!;
        Assert.Equal([new MarkSourceSpec("v", 1), new MarkSourceSpec("w", 3)], mark.Sources);
        Assert.Equal((4, 50.0), (mark.EmaTicks, mark.ClampBps));
        Assert.Null(scenario.Venues[1].MarkPrice);
    }

    [Fact]
    public void Left_out_the_maker_never_re_quotes_inside_a_tick_and_refills_its_whole_ladder()
    {
        // The fixture leaves the liquidity fields out (every library scenario with a maker sets some now).
        var maker = ScenarioReader.ReadFile(FixtureFiles.Scenario("fields-left-out.yaml")).Scenario!.MarketMakers[0];

        Assert.Equal((0, 1.0), (maker.RequoteDelayRounds, maker.DepthResilience));
    }

    [Theory]
    [InlineData("markPrice: { sources: [{ venue: nowhere }] }", "venues[0].markPrice.sources[0].venue: no venue with id 'nowhere' in venues")]
    [InlineData("markPrice: { sources: [{ venue: v, weight: 0 }] }", "venues[0].markPrice.sources[0].weight: must be > 0, got 0")]
    public void A_bad_mark_price_is_one_problem_naming_it(string field, string message)
    {
        var problem = Assert.Single(ScenarioReader.Read(Market + "\nvenues:\n  - { id: v, instruments: [X], " + field + " }\n", "t.yaml").Problems);

        Assert.StartsWith(message, problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("depthResilience: 0", "marketMakers[0].depthResilience: must be", "got 0")]
    [InlineData("requoteDelayRounds: -1", "marketMakers[0].requoteDelayRounds: must be", "got -1")]
    public void A_bad_liquidity_field_is_one_problem_naming_it(string field, string message, string got)
    {
        var yaml = Market + "\nvenues:\n  - { id: v, instruments: [X] }\nmarketMakers:\n  - { id: m, venue: v, instrument: X, cash: 1000, sizePerLevel: 1, " + field + " }\n";

        var problem = Assert.Single(ScenarioReader.Read(yaml, "t.yaml").Problems).ToString();

        Assert.StartsWith(message, problem, StringComparison.Ordinal);
        Assert.Contains(got, problem, StringComparison.Ordinal);
    }
}
