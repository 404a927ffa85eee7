using System.Globalization;

namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class InverseEtfSqueezeSeeds : ScenarioSeeds
{
    protected override string ScenarioFile => "scenarios/inverse-etf-squeeze.yaml";

    protected override int ScenarioSeed => 5;
}

/// <summary>
/// What <c>scenarios/inverse-etf-squeeze.yaml</c> claims, checked in the traces of seeds 1–5 (24 ticks a day; seed 5,
/// the scenario's, through the README's command): each claim in every seed, the sizes also as medians.
/// </summary>
[Collection(ScenarioSeedsCollection.Name)]
public sealed class InverseEtfSqueezeTests(InverseEtfSqueezeSeeds seeds) : IClassFixture<InverseEtfSqueezeSeeds>
{
    private const int RallyDay = 11;

    /// <summary>
    /// One row per day from day 2: the previous day's close-to-close return (<c>ret</c>) and the leveraged ETFs' net
    /// notional in the first tick of the day (<c>etf</c>). Day 1's rebalance is left out: it also settles what
    /// building the positions at tick 0 cost.
    /// </summary>
    private static string Days(SeedRun run)
    {
        const string sql = """
            WITH closes AS (SELECT tick // 24 AS day, close FROM {0} WHERE venue = 'exchange' AND instrument = 'SPX' AND tick % 24 = 23),
                 r AS (SELECT day + 1 AS day, close / lag(close) OVER (ORDER BY day) - 1 AS ret FROM closes),
                 e AS (SELECT tick // 24 AS day, net_notional AS etf FROM {1} WHERE participant_class = 'leveraged_etf' AND instrument = 'SPX' AND tick % 24 = 0),
                 days AS (SELECT e.day, r.ret, e.etf FROM e JOIN r USING (day) WHERE e.day >= 2)
            """;
        return string.Format(CultureInfo.InvariantCulture, sql, run.Table("market"), run.Table("flows"));
    }

    private static double Bar(SeedRun run, string column, int tick) =>
        run.Scalar($"SELECT {column} FROM {run.Table("market")} WHERE venue = 'exchange' AND tick = {tick}");

    [Fact]
    public void Mid_returns_have_a_fat_tail_and_no_lag_one_autocorrelation_in_every_seed()
    {
        seeds.AssertMidReturnsLookLikeAMarket("exchange", "SPX");
    }

    [Fact]
    public void Leveraged_etfs_buy_after_up_days_and_sell_after_down_days_in_every_seed()
    {
        var correlations = new List<double>();
        foreach (var run in seeds.Runs)
        {
            var correlation = run.Scalar($"{Days(run)} SELECT corr(ret, etf) FROM days");
            var moves = run.Scalar($"{Days(run)} SELECT count(*) FROM days WHERE abs(ret) > 0.001");
            var agree = run.Scalar($"{Days(run)} SELECT count(*) FROM days WHERE abs(ret) > 0.001 AND sign(ret) = sign(etf)");
            var afterDownDays = run.Scalar($"{Days(run)} SELECT count(*) FROM days WHERE ret < -0.001");

            Assert.True(run.Summary.GetProperty("conserved").GetBoolean(), $"{run}: conservation");
            Assert.True(correlation > 0.75, $"{run}: correlation of the day-start rebalance with the previous day's return {correlation:F3}");
            Assert.True(afterDownDays >= 3, $"{run}: {afterDownDays} days after a fall of more than 0.1%");
            Assert.True(agree >= 0.8 * moves, $"{run}: {agree} of {moves} day-start trades go the way of the previous day's move");
            correlations.Add(correlation);
        }

        Assert.True(ScenarioSeeds.Median(correlations) > 0.85, $"correlations {string.Join(", ", correlations.Select(c => c.ToString("F3", CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void The_rally_is_followed_by_the_largest_rebalancing_buy_which_is_a_large_share_of_volume_and_walks_the_book_in_every_seed()
    {
        var rallyStart = RallyDay * 24;
        var squeeze = rallyStart + 24;
        var dayShares = new List<double>();
        foreach (var run in seeds.Runs)
        {
            var rally = Bar(run, "close", squeeze - 1) / Bar(run, "close", rallyStart - 1) - 1;
            var bought = run.Scalar($"SELECT net_notional FROM {run.Table("flows")} WHERE participant_class = 'leveraged_etf' AND tick = {squeeze}");
            var largestBefore = run.Scalar($"{Days(run)} SELECT max(etf) FROM days WHERE day <= {RallyDay}");
            var dayVolume = run.Scalar($"SELECT sum(notional) FROM {run.Table("market")} WHERE tick BETWEEN {squeeze} AND {squeeze + 23}");
            var tickVolume = Bar(run, "notional", squeeze);
            var walk = Bar(run, "high", squeeze) / Bar(run, "close", squeeze - 1) - 1;

            Assert.True(rally > 0.01, $"{run}: rally day return {rally:P2}");
            Assert.True(bought > 3 * largestBefore, $"{run}: bought {bought:N0} at the start of the day after the rally, at most {largestBefore:N0} before");
            Assert.True(bought > 0.04 * dayVolume, $"{run}: {bought / dayVolume:P1} of the day's volume");
            Assert.True(bought > 0.5 * tickVolume, $"{run}: {bought / tickVolume:P0} of the tick's volume");
            Assert.True(walk > 0.009, $"{run}: the rebalancing tick trades up to {walk:P2} above the previous close");
            dayShares.Add(bought / dayVolume);
        }

        Assert.True(ScenarioSeeds.Median(dayShares) > 0.06, $"shares of the day's volume {string.Join(", ", dayShares.Select(s => s.ToString("P1", CultureInfo.InvariantCulture)))}");
    }
}
