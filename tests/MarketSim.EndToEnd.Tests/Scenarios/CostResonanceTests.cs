namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class CostResonanceRun : ScenarioRun
{
    protected override string ScenarioFile => "scenarios/cost-resonance.yaml";
}

/// <summary>What <c>scenarios/cost-resonance.yaml</c> claims, checked in its <c>resonance</c> and <c>market</c> tables.</summary>
public sealed class CostResonanceTests(CostResonanceRun run) : IClassFixture<CostResonanceRun>
{
    /// <summary>Ticks with the drawdown from the running peak of the close.</summary>
    private string Drawdowns => $"SELECT tick, close / max(close) OVER (ORDER BY tick) - 1 AS drawdown FROM {run.Table("market")}";

    [Fact]
    public void The_indicator_turns_on_in_the_drawdown_and_only_there()
    {
        var resonance = run.Table("resonance");
        var on = run.Scalar($"SELECT count(*) FROM {resonance} WHERE resonance = 1");
        var onOutsideDrawdown = run.Scalar($"SELECT count(*) FROM {resonance} r JOIN ({Drawdowns}) d USING (tick) WHERE r.resonance = 1 AND d.drawdown > -0.08");
        var deepest = run.Scalar($"SELECT min(drawdown) FROM ({Drawdowns})");

        Assert.True(deepest < -0.1, $"deepest drawdown {deepest:P1}");
        Assert.True(on >= 20, $"resonance on in {on} ticks");
        Assert.Equal(0, onOutsideDrawdown);
        Assert.Equal(on, run.Summary.GetProperty("resonanceTicks").GetInt32());
    }

    [Fact]
    public void The_cost_bases_come_together_while_the_institutions_buy_the_drawdown()
    {
        var resonance = run.Table("resonance");
        var first = run.Scalar($"SELECT min(tick) FROM {resonance} WHERE institutional_units > 0");
        var bottom = run.Scalar($"SELECT tick FROM {run.Table("market")} ORDER BY close, tick LIMIT 1");
        double At(string column, double tick) => run.Scalar($"SELECT {column} FROM {resonance} WHERE tick = {tick}");

        Assert.Equal(0, run.Scalar($"SELECT max(overlap) FROM {resonance} WHERE tick < {first}"));
        Assert.True(bottom > first, $"bottom at {bottom}, institutions first buy at {first}");
        Assert.True(At("overlap", bottom) >= 0.15, $"overlap {At("overlap", bottom)} at the bottom");
        var gapAtFirst = Math.Abs(At("institutional_mean", first) - At("retail_mean", first));
        var gapAtBottom = Math.Abs(At("institutional_mean", bottom) - At("retail_mean", bottom));
        Assert.True(gapAtBottom < gapAtFirst, $"mean costs {gapAtFirst:F1} apart when institutions start, {gapAtBottom:F1} at the bottom");
        Assert.True(At("retail_underwater", bottom) > 0.3 && At("institutional_underwater", bottom) > 0.3, "both under water at the bottom");
    }
}
