using MarketSim.Engine.Metrics;

namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class QuickstartSeeds : ScenarioSeeds
{
    protected override string ScenarioFile => "scenarios/quickstart.yaml";

    protected override int ScenarioSeed => 42;
}

/// <summary>
/// What <c>scenarios/quickstart.yaml</c> claims, checked in the traces of seeds 1–5 on the direct engine and of its own
/// seed 42 through the README's command (the fixture runs both): a market with real volatility until the scare at tick
/// 420, then waves of multi-round stop-loss cascades with rebounds between them, each claim in every seed.
/// </summary>
[Collection(ScenarioSeedsCollection.Name)]
public sealed class QuickstartTests(QuickstartSeeds seeds) : IClassFixture<QuickstartSeeds>
{
    private const int Scare = 420;

    [Fact]
    public void Before_the_scare_mid_returns_have_a_fat_tail_no_lag_one_autocorrelation_and_no_cascade_in_every_seed()
    {
        foreach (var run in seeds.Runs)
        {
            AssertCalmBeforeTheScare(run);
        }
    }

    [Fact]
    public void After_the_scare_stops_fire_in_multi_round_cascades_that_fall_with_rebounds_in_every_seed()
    {
        foreach (var run in seeds.Runs)
        {
            AssertCascadesAfterTheScare(run);
        }
    }

    /// <summary>
    /// Ticks 0–419: Hill α of the mid's returns within 2–6, |acf| at lag 1 below 0.2, fewer than 5% of ticks leaving the
    /// mid unchanged, no stop triggered and every tick cleared in one round.
    /// </summary>
    private static void AssertCalmBeforeTheScare(SeedRun run)
    {
        var mids = DuckDbQuery.Column($"SELECT mid FROM {run.Table("market")} WHERE tick < {Scare} ORDER BY tick");
        var returns = StylizedFacts.LogReturns(mids);
        var facts = StylizedFacts.Of(returns);
        var unchanged = returns.Count(r => r == 0) / (double)returns.Length;

        Assert.True(run.Summary.GetProperty("conserved").GetBoolean(), $"{run}: conservation");
        Assert.True(facts.HillAlpha is >= 2 and <= 6, $"{run}: Hill {facts.HillAlpha:F2} before the scare");
        Assert.True(Math.Abs(facts.ReturnAutocorrelationAt(1)) < 0.2, $"{run}: acf1 {facts.ReturnAutocorrelationAt(1):F3} before the scare");
        Assert.True(unchanged < 0.05, $"{run}: {unchanged:P1} of ticks before the scare left the mid unchanged");
        Assert.Equal(0, run.Scalar($"SELECT coalesce(sum(stop_triggers), 0)::DOUBLE FROM {run.Table("market")} WHERE tick < {Scare}"));
        Assert.Equal(1, run.Scalar($"SELECT max(cascade_rounds)::DOUBLE FROM {run.Table("market")} WHERE tick < {Scare}"));
    }

    /// <summary>
    /// From the scare to the lowest close after it: at least 10% down from the close before the scare, at least 5 ticks
    /// that needed more than one round, and at least 20% of the ticks closing above the tick before (not a straight line).
    /// </summary>
    private static void AssertCascadesAfterTheScare(SeedRun run)
    {
        var market = run.Table("market");
        var before = run.Scalar($"SELECT close FROM {market} WHERE tick = {Scare - 1}");
        var bottomTick = run.Scalar($"SELECT tick FROM {market} WHERE tick >= {Scare} ORDER BY close, tick LIMIT 1");
        var bottom = run.Scalar($"SELECT close FROM {market} WHERE tick = {bottomTick}");
        var closes = DuckDbQuery.Column($"SELECT close FROM {market} WHERE tick BETWEEN {Scare - 1} AND {bottomTick} ORDER BY tick");
        var up = closes.Zip(closes.Skip(1)).Count(p => p.Second > p.First) / (double)(closes.Length - 1);
        var multiRound = run.Scalar($"SELECT count(*)::DOUBLE FROM {market} WHERE tick >= {Scare} AND cascade_rounds > 1");

        Assert.True(bottom < 0.9 * before, $"{run}: lowest close {bottom} at tick {bottomTick}, {before} before the scare");
        Assert.True(multiRound >= 5, $"{run}: {multiRound} multi-round ticks after the scare");
        Assert.True(up >= 0.2, $"{run}: {up:P0} of the ticks from the scare to the bottom close up");
    }
}
