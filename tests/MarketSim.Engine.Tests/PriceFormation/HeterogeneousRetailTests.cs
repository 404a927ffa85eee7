using MarketSim.Engine.Contracts;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Participants;
using MarketSim.Engine.Participants.Retail;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.PriceFormation;

public sealed class HeterogeneousRetailTests
{
    [Fact]
    public void Chartists_draw_lookbacks_and_thresholds_across_their_ranges()
    {
        var cohort = Cohort(new BehaviourMix(0, 1), trend => trend with { LookbackMax = 60, ThresholdMax = 0.005 });
        var rules = Enumerable.Range(0, cohort.Count).Select(cohort.TrendRuleOf).ToArray();

        Assert.All(rules, r => Assert.InRange(r.Lookback, 10, 60));
        Assert.All(rules, r => Assert.InRange(r.Threshold, 0.002, 0.005));
        Assert.Equal(51, rules.Select(r => r.Lookback).Distinct().Count()); // every lookback of 10…60 drawn by 2,000 agents
        Assert.InRange(rules.Average(r => r.Lookback), 33, 37);              // uniform: mean 35
    }

    [Fact]
    public void A_chartist_acts_on_its_own_lookback()
    {
        var cohort = Cohort(new BehaviourMix(0, 1), trend => trend with { LookbackMax = 60, ThresholdMax = 0.005 });
        var router = new OrderRouter(1);

        // The price stepped up 1% forty ticks ago: only agents looking back 40 ticks or more see a rise.
        long[] closes = [.. Enumerable.Repeat(100_000L, 30), .. Enumerable.Repeat(101_000L, 40)];
        cohort.Decide(new MarketSnapshot(70, [new BookQuote(0, closes[^1], 0, 0, closes)], []), router);

        var batch = Assert.Single(router.Drain()).Batch;
        var buyers = Enumerable.Range(0, batch.Count).Select(o => (int)(batch.Owner[o] - cohort.Slot.FirstAgent)).ToArray();
        Assert.All(Enumerable.Range(0, batch.Count), o => Assert.Equal((byte)Side.Buy, batch.Side[o]));
        Assert.All(buyers, a => Assert.True(cohort.TrendRuleOf(a).Lookback >= 40, $"agent {a} looks back {cohort.TrendRuleOf(a).Lookback}"));
        var longLooking = Enumerable.Range(0, cohort.Count).Count(a => cohort.TrendRuleOf(a).Lookback >= 40);
        Assert.InRange(buyers.Length, longLooking * 9 / 10, longLooking);
    }

    [Fact]
    public void Chartists_alike_by_default_share_the_specs_rule()
    {
        var cohort = Cohort(new BehaviourMix(0, 1), trend => trend);

        Assert.All(Enumerable.Range(0, cohort.Count), a => Assert.Equal((10, 0.002), cohort.TrendRuleOf(a)));
    }

    [Fact]
    public void Fundamental_valuations_scatter_lognormally_around_the_value()
    {
        var cohort = Cohort(new BehaviourMix(0, 0, Fundamental: 1), fundamental: new FundamentalTraderSpec(0, 0.02, 0.002, 5, 10));
        var logs = Enumerable.Range(0, cohort.Count).Select(a => Math.Log(cohort.ValuationOf(a) / 100_000)).ToArray();

        Assert.InRange(logs.Average(), -0.002, 0.002);
        var sd = Math.Sqrt(logs.Sum(l => l * l) / logs.Length);
        Assert.InRange(sd, 0.018, 0.022);
    }

    [Fact]
    public void Fundamental_traders_buy_below_value_with_passive_limits_sell_above_and_wait_in_between()
    {
        // Every agent values the coin at 100,000 (no dispersion); threshold 0.2%, aggression 5.
        var cohort = Cohort(new BehaviourMix(0, 0, Fundamental: 1), fundamental: new FundamentalTraderSpec(0, 0, 0.002, 5, 10));
        var router = new OrderRouter(1);

        cohort.Decide(Snapshot(100_100), router); // 0.1% above value: inside the threshold
        Assert.Equal(0, router.Count);

        cohort.Decide(Snapshot(99_000), router); // 1% below: buy min(1, 5 × ln(100,000/99,000)) ≈ 5% of their cash
        var buys = Assert.Single(router.Drain()).Batch;
        Assert.InRange(buys.Count, cohort.Count * 9 / 10, cohort.Count);
        for (var o = 0; o < buys.Count; o++)
        {
            Assert.Equal((byte)Side.Buy, buys.Side[o]);
            Assert.True(buys.Price[o] <= 99_000, $"a buy limit at {buys.Price[o]} is above mid");
            var agent = (int)(buys.Owner[o] - cohort.Slot.FirstAgent);
            var share = buys.Quantity[o] * (double)buys.Price[o] * 1_000 / cohort.CashOf(agent);
            Assert.InRange(share, 0, 5 * Math.Log(100_000 / 99_000.0) * 1.001);
        }

        cohort.Decide(Snapshot(101_000), router); // 1% above: sell at or above mid
        var sells = Assert.Single(router.Drain()).Batch;
        Assert.InRange(sells.Count, cohort.Count * 9 / 10, cohort.Count);
        Assert.All(Enumerable.Range(0, sells.Count), o => Assert.True(sells.Side[o] == (byte)Side.Sell && sells.Price[o] >= 101_000));
    }

    private static MarketSnapshot Snapshot(long mid) => new(5, [new BookQuote(0, mid, 0, 0, [.. Enumerable.Repeat(mid, 30)])], []);

    private static RetailCohort Cohort(BehaviourMix mix, Func<TrendSpec, TrendSpec>? trend = null, FundamentalTraderSpec? fundamental = null)
    {
        var small = TestMarkets.Small(retail: 2_000, cohortSize: 2_000);
        var scenario = small with
        {
            Retail = small.Retail with
            {
                Mix = mix,
                Activity = 1,
                Capital = new CapitalSpec(100_000, 1.5, 10_000_000), // rich enough that every order is at least a lot
                Trend = (trend ?? (t => t))(small.Retail.Trend),
                StopLoss = small.Retail.StopLoss with { Share = 0 },
                Fundamental = fundamental ?? FundamentalTraderSpec.Default,
            },
        };
        var layout = new MarketLayout(scenario);
        return new RetailCohort(layout, layout.Participants.First(p => p.IsCohort));
    }
}
