using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;

namespace MarketSim.Engine.Tests.Simulation;

public sealed class EventTimelineTests
{
    [Fact]
    public void A_sentiment_shock_halves_every_half_life()
    {
        var timeline = Timeline(new TimelineSpec([new SentimentShockSpec(10, -0.2, 24)], null, []));

        Assert.Equal(0, timeline.Sentiment(9));
        Assert.Equal(-0.2, timeline.Sentiment(10), 12);
        Assert.Equal(-0.1, timeline.Sentiment(34), 12);
        Assert.Equal(-0.05, timeline.Sentiment(58), 12);
    }

    [Fact]
    public void Sentiment_noise_follows_its_ar1_recurrence_and_is_the_same_on_every_host()
    {
        var spec = new TimelineSpec([], null, []) { Noise = new SentimentNoiseSpec(Volatility: 0.03, Persistence: 0.98) };
        var timeline = Timeline(spec);
        var again = Timeline(spec);

        // Computed out of order and from scratch, the path is the same.
        var late = timeline.Noise(5_000);
        var path = Enumerable.Range(0, 5_001).Select(t => again.Noise(t)).ToArray();
        Assert.Equal(path[^1], late);

        // s(t) − 0.98 s(t − 1) are the shocks: mean 0, standard deviation 0.03.
        var shocks = path.Skip(1).Select((s, i) => s - (0.98 * path[i])).ToArray();
        Assert.InRange(shocks.Average(), -0.002, 0.002);
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.StandardDeviation(shocks), 0.028, 0.032);

        // Persistent: the lag-1 autocorrelation of the path is near 0.98, and the stationary spread 0.03 / √(1 − 0.98²).
        Assert.InRange(MathNet.Numerics.Statistics.Correlation.Pearson(path.Skip(1), path.SkipLast(1)), 0.95, 0.99);
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.StandardDeviation(path), 0.10, 0.20);
        Assert.Equal(0, Timeline(new TimelineSpec([], null, [])).Noise(100));
    }

    [Fact]
    public void Cut_probability_is_linear_between_points_and_moves_sentiment_by_its_sensitivity()
    {
        // The notes' path: 48.9% → 69.4% → 82.9%.
        var cut = new CutProbabilitySpec(0.5, [new ProbabilityPoint(0, 0.489), new ProbabilityPoint(100, 0.694), new ProbabilityPoint(200, 0.829)]);
        var timeline = Timeline(new TimelineSpec([], cut, []));

        Assert.Equal(0.489, EventTimeline.CutProbability(cut.Path, 0), 12);
        Assert.Equal((0.489 + 0.694) / 2, EventTimeline.CutProbability(cut.Path, 50), 12);
        Assert.Equal(0.829, EventTimeline.CutProbability(cut.Path, 500), 12);
        Assert.Equal(0.5 * (0.829 - 0.489), timeline.Sentiment(200), 12);
    }

    [Fact]
    public void Flows_arrive_on_their_schedule_for_the_named_participant()
    {
        var scenario = TestMarkets.Small() with { Events = new TimelineSpec([], null, [new FlowSpec("mom1", 5, 10, 3, -1_000)]) };
        var layout = new MarketLayout(scenario);
        var timeline = new EventTimeline(layout);
        var fund = layout.Participants.Single(p => p.Class == ParticipantClass.MomentumFund).Owner;

        var ticks = Enumerable.Range(0, 60).Where(t => timeline.FlowsAt(t).Count > 0).ToArray();

        Assert.Equal([5, 15, 25], ticks);
        Assert.Equal(new ExogenousFlow(fund, Money.FromCurrency(-1_000)), Assert.Single(timeline.FlowsAt(15)));
    }

    [Fact]
    public async Task Etf_inflows_are_counted_by_conservation_and_bought_with_leverage()
    {
        var etf = new LeveragedEtfSpec("bull", "spot", "BTC", Aum: 100_000, Leverage: 2, MaxSlippageBps: 200);
        var baseline = TestMarkets.Small(ticks: 50) with { LeveragedEtfs = [etf] };
        var withInflows = baseline with { Events = new TimelineSpec([], null, [new FlowSpec("bull", 24, 1, 1, 50_000)]) };

        var (quiet, quietRecords) = await DirectMarketTests.Run(baseline);
        var (flowing, records) = await DirectMarketTests.Run(withInflows);

        Assert.All(quietRecords, r => Assert.True(r.Conservation.Holds));
        Assert.All(records, r => Assert.True(r.Conservation.Holds, $"tick {r.Tick}"));
        Assert.Equal(records[30].Conservation.CashExpected, quietRecords[30].Conservation.CashExpected + Money.FromCurrency(50_000));
        // At tick 24 (a day start) the ETF's extra buying is about 2 × 50,000 of the underlying.
        var extra = flowing.Flows.Single(f => f.Tick == 24 && f.ParticipantClass == "leveraged_etf").NetNotional
                  - quiet.Flows.Single(f => f.Tick == 24 && f.ParticipantClass == "leveraged_etf").NetNotional;
        Assert.InRange(extra, 90_000, 110_000);
    }

    private static EventTimeline Timeline(TimelineSpec events) => new(new MarketLayout(TestMarkets.Small() with { Events = events }));
}
