using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class CtaFlipSeeds : ScenarioSeeds
{
    protected override string ScenarioFile => "scenarios/cta-flip.yaml";

    protected override int ScenarioSeed => 5;
}

/// <summary>
/// What <c>scenarios/cta-flip.yaml</c> claims, checked in the traces of seeds 1–5 (seed 5, the scenario's, through the
/// README's command) and in its projection: each claim in every seed, the sizes also as medians.
/// </summary>
[Collection(ScenarioSeedsCollection.Name)]
public sealed partial class CtaFlipTests(CtaFlipSeeds seeds) : IClassFixture<CtaFlipSeeds>
{
    /// <summary>Two CTAs of 200M at up to 2x: the most they can hold either way.</summary>
    private const double FullBook = 2 * 2 * 2.0e8;

    private const int Scare = 96;

    /// <summary>The last tick in which the CTAs' trough and the bottom of the fall are looked for.</summary>
    private const int FallEnd = 200;

    private static string Position(SeedRun run) =>
        $"SELECT tick, sum(net_notional) OVER (ORDER BY tick) AS held FROM {run.Table("flows")} WHERE participant_class = 'cta'";

    private static double Close(SeedRun run, double tick) =>
        run.Scalar($"SELECT close FROM {run.Table("market")} WHERE tick = {tick.ToString(CultureInfo.InvariantCulture)}");

    private static double BottomTick(SeedRun run) =>
        run.Scalar($"SELECT tick FROM {run.Table("market")} WHERE tick BETWEEN {Scare} AND {FallEnd} ORDER BY close, tick LIMIT 1");

    [Fact]
    public void Mid_returns_have_a_fat_tail_and_no_lag_one_autocorrelation_in_every_seed()
    {
        seeds.AssertMidReturnsLookLikeAMarket("futures", "SPX");
    }

    [Fact]
    public void The_ctas_go_long_in_the_rally_then_flip_short_and_sell_into_the_fall_in_every_seed()
    {
        var ratios = new List<double>();
        foreach (var run in seeds.Runs)
        {
            var peakTick = run.Scalar($"SELECT tick FROM ({Position(run)}) WHERE tick < {Scare} ORDER BY held DESC, tick LIMIT 1");
            var peak = run.Scalar($"SELECT max(held) FROM ({Position(run)}) WHERE tick < {Scare}");
            var troughTick = run.Scalar($"SELECT tick FROM ({Position(run)}) WHERE tick BETWEEN {Scare} AND {FallEnd} ORDER BY held, tick LIMIT 1");
            var trough = run.Scalar($"SELECT min(held) FROM ({Position(run)}) WHERE tick BETWEEN {Scare} AND {FallEnd}");
            var ratio = Close(run, troughTick) / Close(run, peakTick);

            Assert.True(run.Summary.GetProperty("conserved").GetBoolean(), $"{run}: conservation");
            Assert.True(peak > 0.5 * FullBook, $"{run}: long {peak:N0} at most before the scare");
            Assert.True(trough < -0.5 * FullBook, $"{run}: short {trough:N0} at most after it");
            Assert.True(ratio < 0.985, $"{run}: price {Close(run, peakTick)} at the CTAs' peak, {Close(run, troughTick)} at their trough");
            ratios.Add(ratio);
        }

        Assert.True(ScenarioSeeds.Median(ratios) < 0.98, $"trough / peak prices {string.Join(", ", ratios.Select(r => r.ToString("F4", CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void The_fall_turns_into_a_volatile_crash_not_a_constant_step_slide_in_every_seed()
    {
        var falls = new List<double>();
        var upShares = new List<double>();
        foreach (var run in seeds.Runs)
        {
            var bottom = BottomTick(run).ToString(CultureInfo.InvariantCulture);
            var fall = Close(run, BottomTick(run)) / Close(run, Scare - 1) - 1;
            var returns = $"SELECT tick, ln(mid / lag(mid) OVER (ORDER BY tick)) AS r FROM {run.Table("market")}";
            var inFall = $"SELECT r FROM ({returns}) WHERE tick BETWEEN {Scare + 1} AND {bottom}";
            var ticks = run.Scalar($"SELECT count(*) FROM ({inFall})");
            var up = run.Scalar($"SELECT count(*) FROM ({inFall}) WHERE r > 0") / ticks;
            var still = run.Scalar($"SELECT count(*) FROM ({inFall}) WHERE r = 0") / ticks;
            var sigma = run.Scalar($"SELECT stddev_samp(r) FROM ({inFall})");
            var sigmaBefore = run.Scalar($"SELECT stddev_samp(r) FROM ({returns}) WHERE tick BETWEEN 24 AND {Scare - 1}");
            var stopsSold = run.Summary.GetProperty("stopNotional").GetDouble();

            Assert.True(fall < -0.06, $"{run}: lowest close in ticks {Scare}–{FallEnd} {fall:P2} from the close before the scare");
            Assert.True(ticks >= 50, $"{run}: the fall lasts {ticks} ticks");
            Assert.True(up >= 0.1, $"{run}: {up:P0} of the fall's ticks go up");
            Assert.True(still < 0.1, $"{run}: {still:P0} of the fall's ticks leave the mid where it was");
            Assert.True(sigma > 2 * sigmaBefore, $"{run}: σ of mid returns {sigma * 1e4:F1} bp in the fall, {sigmaBefore * 1e4:F1} bp before the scare");
            Assert.True(stopsSold > 0, $"{run}: no stop-loss sold");
            falls.Add(fall);
            upShares.Add(up);
        }

        Assert.True(ScenarioSeeds.Median(falls) < -0.075, $"falls {string.Join(", ", falls.Select(f => f.ToString("P2", CultureInfo.InvariantCulture)))}");
        Assert.True(ScenarioSeeds.Median(upShares) >= 0.15, $"up-tick shares {string.Join(", ", upShares.Select(u => u.ToString("P0", CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void The_ctas_buy_back_part_of_their_short_in_the_crash_in_every_seed()
    {
        foreach (var run in seeds.Runs)
        {
            var trough = run.Scalar($"SELECT min(held) FROM ({Position(run)}) WHERE tick BETWEEN {Scare} AND {FallEnd}");
            var atBottom = run.Scalar($"SELECT held FROM ({Position(run)}) WHERE tick = {BottomTick(run).ToString(CultureInfo.InvariantCulture)}");

            Assert.True(atBottom < 0, $"{run}: {atBottom:N0} held at the bottom");
            Assert.True(atBottom > trough + 0.1 * FullBook, $"{run}: short {trough:N0} at most, {atBottom:N0} at the bottom");
        }
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
