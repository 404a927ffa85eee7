using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.PriceFormation;

public sealed class PriceFormationFieldsTests
{
    [Fact]
    public void Baseline_reads_every_price_formation_field()
    {
        var scenario = ScenarioReader.ReadFile(RepositoryRoot.Scenario("baseline.yaml")).Scenario!;

        var retail = scenario.Retail;
        Assert.Equal(0.2, retail.Mix.Fundamental);
        Assert.True(retail.Trend.IsHeterogeneous);
        Assert.True(retail.ActivityFeedback.IsOn);
        Assert.True(retail.OrderSizeTail.IsOn);
        Assert.Equal(0.01, retail.Fundamental.Dispersion);
        Assert.Equal(0.7, scenario.MarketMakers[0].PermanentImpact);
        Assert.Equal(0.1, scenario.MarketMakers[0].Resilience);
        Assert.Equal(1_440, scenario.TicksPerDay);
    }

    [Fact]
    public void Fields_left_out_keep_the_old_market()
    {
        // The fixture leaves the price-formation fields out (the library scenarios set several now).
        var scenario = ScenarioReader.ReadFile(FixtureFiles.Scenario("fields-left-out.yaml")).Scenario!;

        Assert.Equal(0, scenario.Retail.Mix.Fundamental);
        Assert.False(scenario.Retail.Trend.IsHeterogeneous);
        Assert.False(scenario.Retail.ActivityFeedback.IsOn);
        Assert.False(scenario.Retail.OrderSizeTail.IsOn);
        Assert.Equal(1, scenario.MarketMakers[0].PermanentImpact);
    }

    [Theory]
    [InlineData("trend: { lookback: 20, lookbackMax: 10 }", "retail.trend.lookbackMax: must be >= lookback 20, got 10")]
    [InlineData("activityFeedback: { weight: 0.5, shortLookback: 30, longLookback: 30 }", "retail.activityFeedback.longLookback: must be > shortLookback 30, got 30")]
    [InlineData("orderSizeTail: { alpha: 1 }", "retail.orderSizeTail.alpha: must be > 1, got 1")]
    [InlineData("fundamental: { aggression: 0 }", "retail.fundamental.aggression: must be > 0, got 0")]
    public void A_bad_field_is_one_problem_naming_it(string field, string message)
    {
        const string yaml = """
            name: t
            ticks: 10
            instruments:
              - { id: X, tickSize: 1, lotSize: 1, initialPrice: 100 }
            venues:
              - { id: v, instruments: [X] }
            retail:
              count: 10
              venue: v
              instrument: X
            """;

        var problem = Assert.Single(ScenarioReader.Read(yaml + "\n  " + field + "\n", "t.yaml").Problems);

        Assert.StartsWith(message + " (line ", problem.ToString(), StringComparison.Ordinal);
    }
}
