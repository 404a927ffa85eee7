namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class CostResonanceSeeds : ScenarioSeeds
{
    protected override string ScenarioFile => "scenarios/cost-resonance.yaml";

    protected override int ScenarioSeed => 5;
}

/// <summary>
/// What <c>scenarios/cost-resonance.yaml</c> claims, checked in the <c>resonance</c> and <c>market</c> tables of seeds
/// 1–5 (seed 5, the scenario's, through the README's command): each claim in every seed, the sizes also as medians.
/// </summary>
[Collection(ScenarioSeedsCollection.Name)]
public sealed class CostResonanceTests(CostResonanceSeeds seeds) : IClassFixture<CostResonanceSeeds>
{
    /// <summary>Ticks with the drawdown from the running peak of the close.</summary>
    private static string Drawdowns(SeedRun run) => $"SELECT tick, close / max(close) OVER (ORDER BY tick) - 1 AS drawdown FROM {run.Table("market")}";

    private static double Bottom(SeedRun run) => run.Scalar($"SELECT tick FROM {run.Table("market")} ORDER BY close, tick LIMIT 1");

    private static double FirstInstitutionalBuy(SeedRun run) => run.Scalar($"SELECT min(tick) FROM {run.Table("resonance")} WHERE institutional_units > 0");

    private static double At(SeedRun run, string column, double tick) => run.Scalar($"SELECT {column} FROM {run.Table("resonance")} WHERE tick = {tick}");

    [Fact]
    public void Mid_returns_have_a_fat_tail_and_no_lag_one_autocorrelation_in_every_seed()
    {
        seeds.AssertMidReturnsLookLikeAMarket("exchange", "NDX");
    }

    [Fact]
    public void The_indicator_turns_on_in_the_drawdown_and_only_there()
    {
        var on = new List<double>();
        foreach (var run in seeds.Runs)
        {
            var resonance = run.Table("resonance");
            var ticks = run.Scalar($"SELECT count(*) FROM {resonance} WHERE resonance = 1");
            var onOutsideDrawdown = run.Scalar($"SELECT count(*) FROM {resonance} r JOIN ({Drawdowns(run)}) d USING (tick) WHERE r.resonance = 1 AND d.drawdown > -0.08");
            var deepest = run.Scalar($"SELECT min(drawdown) FROM ({Drawdowns(run)})");

            Assert.True(run.Summary.GetProperty("conserved").GetBoolean(), $"{run}: conservation");
            Assert.True(deepest < -0.1, $"{run}: deepest drawdown {deepest:P1}");
            Assert.True(ticks >= 50, $"{run}: resonance on in {ticks} ticks");
            Assert.True(onOutsideDrawdown == 0, $"{run}: resonance on in {onOutsideDrawdown} ticks less than 8% below the peak");
            Assert.Equal(ticks, run.Summary.GetProperty("resonanceTicks").GetInt32());
            on.Add(ticks);
        }

        Assert.True(ScenarioSeeds.Median(on) >= 80, $"resonance on in {string.Join(", ", on)} ticks");
    }

    [Fact]
    public void The_cost_bases_come_together_while_the_institutions_buy_the_drawdown()
    {
        var gaps = new List<(double First, double Bottom)>();
        foreach (var run in seeds.Runs)
        {
            var first = FirstInstitutionalBuy(run);
            var bottom = Bottom(run);
            var gapAtFirst = Math.Abs(At(run, "institutional_mean", first) - At(run, "retail_mean", first));
            var gapAtBottom = Math.Abs(At(run, "institutional_mean", bottom) - At(run, "retail_mean", bottom));

            Assert.Equal(0, run.Scalar($"SELECT max(overlap) FROM {run.Table("resonance")} WHERE tick < {first}"));
            Assert.True(bottom > first, $"{run}: bottom at {bottom}, institutions first buy at {first}");
            Assert.True(At(run, "overlap", bottom) >= 0.2, $"{run}: overlap {At(run, "overlap", bottom)} at the bottom");
            Assert.True(gapAtBottom < gapAtFirst, $"{run}: mean costs {gapAtFirst:F1} apart when institutions start, {gapAtBottom:F1} at the bottom");
            Assert.True(At(run, "retail_underwater", bottom) > 0.3 && At(run, "institutional_underwater", bottom) > 0.3, $"{run}: both under water at the bottom");
            gaps.Add((gapAtFirst, gapAtBottom));
        }

        Assert.True(ScenarioSeeds.Median(gaps.Select(g => g.Bottom / g.First)) < 0.5, $"mean-cost gaps (first buy, bottom): {string.Join(", ", gaps.Select(g => $"{g.First:F1} → {g.Bottom:F1}"))}");
    }
}
