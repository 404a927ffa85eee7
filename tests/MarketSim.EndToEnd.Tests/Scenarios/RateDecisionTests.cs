namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class RateDecisionSeeds : ScenarioSeeds
{
    protected override string ScenarioFile => "scenarios/rate-decision.yaml";

    protected override int ScenarioSeed => 3;
}

/// <summary>The same scenario and seeds with the cut-probability path switched off: what the market does without it.</summary>
public sealed class RateDecisionWithoutPathSeeds : ScenarioSeeds
{
    protected override string ScenarioFile => "scenarios/rate-decision.yaml";

    protected override int ScenarioSeed => 3;

    protected override IReadOnlyList<string> Overrides => ["events.cutProbability.sensitivity=0"];
}

/// <summary>
/// What <c>scenarios/rate-decision.yaml</c> claims, checked in the traces of seeds 1–5 (seed 3, the scenario's,
/// through the README's commands) against the same seeds without the path: the rising cut probability (ticks
/// 156–546) is what makes retail net-buy and the index climb. Each claim holds in every seed.
/// </summary>
[Collection(ScenarioSeedsCollection.Name)]
public sealed class RateDecisionTests(RateDecisionSeeds seeds, RateDecisionWithoutPathSeeds without)
    : IClassFixture<RateDecisionSeeds>, IClassFixture<RateDecisionWithoutPathSeeds>
{
    private const int Rise = 156;
    private const int Top = 546;

    private static double RetailNet(SeedRun trace) =>
        trace.Scalar($"SELECT sum(net_notional) FROM {trace.Table("flows")} WHERE participant_class = 'retail' AND tick BETWEEN {Rise} AND {Top - 1}");

    private static double Close(SeedRun trace, long tick) =>
        trace.Scalar($"SELECT close FROM {trace.Table("market")} WHERE venue = 'exchange' AND instrument = 'SPX' AND tick = {tick}");

    private static double LastClose(SeedRun trace) =>
        trace.Scalar($"SELECT close FROM {trace.Table("market")} WHERE venue = 'exchange' AND instrument = 'SPX' ORDER BY tick DESC LIMIT 1");

    [Fact]
    public void The_runs_are_the_same_until_the_probability_starts_to_rise()
    {
        foreach (var seed in ScenarioSeeds.Seeds)
        {
            var (run, off) = (seeds[seed], without[seed]);
            var pair = $"{run.Table("market")} a JOIN {off.Table("market")} b USING (tick, venue, instrument)";

            Assert.True(run.Summary.GetProperty("conserved").GetBoolean(), $"{run}: conservation");
            Assert.True(off.Summary.GetProperty("conserved").GetBoolean(), $"{run} without the path: conservation");
            Assert.Equal(Rise, run.Scalar($"SELECT count(*) FROM {pair} WHERE a.tick < {Rise}"));
            Assert.Equal(0, run.Scalar($"SELECT count(*) FROM {pair} WHERE a.tick < {Rise} AND (a.close <> b.close OR a.volume <> b.volume)"));
            Assert.True(run.Scalar($"SELECT count(*) FROM {pair} WHERE a.tick >= {Rise} AND a.close <> b.close") > 0, $"{run}: the path changes nothing");
        }
    }

    [Fact]
    public void The_rising_cut_probability_makes_retail_net_buy_and_lifts_the_index_in_every_seed()
    {
        var rises = new List<double>();
        foreach (var seed in ScenarioSeeds.Seeds)
        {
            var (run, off) = (seeds[seed], without[seed]);
            var withPath = RetailNet(run);
            var withoutPath = RetailNet(off);
            var volume = run.Scalar($"SELECT sum(notional) FROM {run.Table("market")} WHERE tick BETWEEN {Rise} AND {Top - 1}");
            var rise = Close(run, Top) / Close(run, Rise - 1) - 1;
            var riseWithout = Close(off, Top) / Close(off, Rise - 1) - 1;
            var end = LastClose(run);
            var endWithout = LastClose(off);

            Assert.True(withPath - withoutPath > 0.02 * volume, $"{run}: retail net bought {withPath:N0} with the path, {withoutPath:N0} without; the phase traded {volume:N0}");
            Assert.True(rise > 0.03, $"{run}: the index rose {rise:P2} while the probability rose");
            Assert.True(rise > riseWithout + 0.03, $"{run}: {rise:P2} with the path, {riseWithout:P2} without");
            Assert.True(end > 1.03 * endWithout, $"{run}: last close {end} with the path, {endWithout} without");
            rises.Add(rise);
        }

        Assert.True(ScenarioSeeds.Median(rises) > 0.035, $"rises {string.Join(", ", rises.Select(r => r.ToString("P2")))}");
    }

    [Fact]
    public void The_vix_like_proxy_starts_in_the_calibrated_range_in_every_seed()
    {
        // Ticks 0–19 are the EWMA's warm-up; before tick 156 the path is flat at 48.9%.
        foreach (var run in seeds.Runs)
        {
            var vix = run.Scalar($"SELECT avg(implied_volatility) FROM {run.Table("market")} WHERE tick BETWEEN 20 AND {Rise - 1}");

            Assert.True(vix is >= 16 and <= 20, $"{run}: VIX-like proxy {vix:F1} before the path moves");
        }
    }

    [Fact]
    public void Mid_returns_have_a_fat_tail_and_no_lag_one_autocorrelation_in_every_seed()
    {
        seeds.AssertMidReturnsLookLikeAMarket("exchange", "SPX");
    }
}
