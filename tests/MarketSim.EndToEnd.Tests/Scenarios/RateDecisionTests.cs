namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class RateDecisionRun : ScenarioRun
{
    protected override string ScenarioFile => "scenarios/rate-decision.yaml";
}

/// <summary>The same scenario and seed with the cut-probability path switched off: what the market does without it.</summary>
public sealed class RateDecisionWithoutPathRun : ScenarioRun
{
    protected override string ScenarioFile => "scenarios/rate-decision.yaml";

    protected override IReadOnlyList<string> Overrides => ["events.cutProbability.sensitivity=0"];
}

/// <summary>
/// What <c>scenarios/rate-decision.yaml</c> claims, checked in its trace against the same run without the path:
/// the rising cut probability (ticks 156–546) is what makes retail net-buy and the index climb.
/// </summary>
public sealed class RateDecisionTests(RateDecisionRun run, RateDecisionWithoutPathRun without)
    : IClassFixture<RateDecisionRun>, IClassFixture<RateDecisionWithoutPathRun>
{
    private const int Rise = 156;
    private const int Top = 546;

    private double RetailNet(ScenarioRun trace) =>
        trace.Scalar($"SELECT sum(net_notional) FROM {trace.Table("flows")} WHERE participant_class = 'retail' AND tick BETWEEN {Rise} AND {Top - 1}");

    private static double Close(ScenarioRun trace, long tick) =>
        trace.Scalar($"SELECT close FROM {trace.Table("market")} WHERE venue = 'exchange' AND instrument = 'SPX' AND tick = {tick}");

    private static double LastClose(ScenarioRun trace) =>
        trace.Scalar($"SELECT close FROM {trace.Table("market")} WHERE venue = 'exchange' AND instrument = 'SPX' ORDER BY tick DESC LIMIT 1");

    [Fact]
    public void The_runs_are_the_same_until_the_probability_starts_to_rise()
    {
        Assert.True(run.Summary.GetProperty("conserved").GetBoolean());
        Assert.True(without.Summary.GetProperty("conserved").GetBoolean());
        var differing = run.Scalar($"SELECT count(*) FROM {run.Table("market")} a JOIN {without.Table("market")} b USING (tick, venue, instrument) WHERE a.tick < {Rise} AND (a.close <> b.close OR a.volume <> b.volume)");
        var compared = run.Scalar($"SELECT count(*) FROM {run.Table("market")} a JOIN {without.Table("market")} b USING (tick, venue, instrument) WHERE a.tick < {Rise}");
        var after = run.Scalar($"SELECT count(*) FROM {run.Table("market")} a JOIN {without.Table("market")} b USING (tick, venue, instrument) WHERE a.tick >= {Rise} AND a.close <> b.close");

        Assert.Equal(Rise, compared);
        Assert.Equal(0, differing);
        Assert.True(after > 0, "the path changes nothing");
    }

    [Fact]
    public void The_rising_cut_probability_makes_retail_net_buy_and_lifts_the_index()
    {
        var withPath = RetailNet(run);
        var withoutPath = RetailNet(without);
        var volume = run.Scalar($"SELECT sum(notional) FROM {run.Table("market")} WHERE tick BETWEEN {Rise} AND {Top - 1}");
        var rise = Close(run, Top) / Close(run, Rise - 1) - 1;
        var riseWithout = Close(without, Top) / Close(without, Rise - 1) - 1;
        var end = LastClose(run);
        var endWithout = LastClose(without);

        Assert.True(withPath - withoutPath > 0.008 * volume, $"retail net bought {withPath:N0} with the path, {withoutPath:N0} without; the phase traded {volume:N0}");
        Assert.True(rise > 0.03, $"the index rose {rise:P2} while the probability rose");
        Assert.True(rise > riseWithout + 0.03, $"{rise:P2} with the path, {riseWithout:P2} without");
        Assert.True(end > 1.03 * endWithout, $"last close {end} with the path, {endWithout} without");
    }

    [Fact]
    public void The_vix_like_proxy_starts_in_the_calibrated_range()
    {
        // Ticks 0–19 are the EWMA's warm-up; before tick 156 the path is flat at 48.9%.
        var vix = run.Scalar($"SELECT avg(implied_volatility) FROM {run.Table("market")} WHERE tick BETWEEN 20 AND {Rise - 1}");

        Assert.InRange(vix, 16, 20);
    }
}
