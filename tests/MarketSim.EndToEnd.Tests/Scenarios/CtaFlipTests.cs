using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class CtaFlipRun : ScenarioRun
{
    protected override string ScenarioFile => "scenarios/cta-flip.yaml";
}

/// <summary>What <c>scenarios/cta-flip.yaml</c> claims, checked in its trace and in its projection.</summary>
public sealed partial class CtaFlipTests(CtaFlipRun run) : IClassFixture<CtaFlipRun>
{
    /// <summary>Two CTAs of 200M at up to 2x: the most they can hold either way.</summary>
    private const double FullBook = 2 * 2 * 2.0e8;

    [Fact]
    public void The_ctas_go_long_in_the_rally_then_flip_short_and_sell_into_the_fall()
    {
        var position = $"SELECT tick, sum(net_notional) OVER (ORDER BY tick) AS held FROM {run.Table("flows")} WHERE participant_class = 'cta'";
        var peakTick = run.Scalar($"SELECT tick FROM ({position}) WHERE tick < 96 ORDER BY held DESC, tick LIMIT 1");
        var peak = run.Scalar($"SELECT max(held) FROM ({position}) WHERE tick < 96");
        var troughTick = run.Scalar($"SELECT tick FROM ({position}) WHERE tick BETWEEN 96 AND 200 ORDER BY held, tick LIMIT 1");
        var trough = run.Scalar($"SELECT min(held) FROM ({position}) WHERE tick BETWEEN 96 AND 200");
        var priceAt = (double tick) => run.Scalar($"SELECT close FROM {run.Table("market")} WHERE tick = {tick.ToString(CultureInfo.InvariantCulture)}");

        Assert.True(peak > 0.5 * FullBook, $"long {peak:N0} at most before the scare");
        Assert.True(trough < -0.5 * FullBook, $"short {trough:N0} at most after it");
        Assert.True(priceAt(troughTick) < priceAt(peakTick) * 0.95, $"price {priceAt(peakTick)} at the CTAs' peak, {priceAt(troughTick)} at their trough");
    }

    [Fact]
    public async Task The_projection_sells_along_the_down_path_and_not_along_the_up_path()
    {
        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(["cta-project", "scenarios/cta-flip.yaml"]);
        Assert.True(exit == 0, stdout + stderr);

        var flows = Row().Matches(stdout).ToDictionary(
            m => (m.Groups["cta"].Value, m.Groups["path"].Value),
            m => double.Parse(m.Groups["flow"].Value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        foreach (var cta in new[] { "cta-fast", "cta-slow" })
        {
            Assert.True(flows[(cta, "down")] < flows[(cta, "flat")], $"{cta}: down {flows[(cta, "down")]:N0}, flat {flows[(cta, "flat")]:N0}");
            Assert.True(flows[(cta, "flat")] <= flows[(cta, "up")], $"{cta}: flat {flows[(cta, "flat")]:N0}, up {flows[(cta, "up")]:N0}");
            Assert.True(flows[(cta, "down")] <= -0.9 * 2.0e8, $"{cta}: down {flows[(cta, "down")]:N0}");
        }
    }

    [GeneratedRegex(@"│ (?<cta>cta-\w+)\s+│ (?<path>up|flat|down)\s+│[^│]+│[^│]+│ (?<flow>-?[0-9,]+)\s+│")]
    private static partial Regex Row();
}
