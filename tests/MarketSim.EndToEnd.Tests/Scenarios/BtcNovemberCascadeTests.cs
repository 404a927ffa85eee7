using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class BtcNovemberCascadeRun : ScenarioRun
{
    protected override string ScenarioFile => "scenarios/btc-november-cascade.yaml";
}

/// <summary>What <c>scenarios/btc-november-cascade.yaml</c> claims, checked in its trace.</summary>
public sealed partial class BtcNovemberCascadeTests(BtcNovemberCascadeRun run) : IClassFixture<BtcNovemberCascadeRun>
{
    [Fact]
    public void Some_ticks_need_several_cascade_rounds()
    {
        Assert.True(run.Summary.GetProperty("conserved").GetBoolean());
        Assert.True(run.Scalar($"SELECT count(*) FROM {run.Table("liquidations")} WHERE venue = 'retail' AND cascade_rounds > 1") >= 10);
        Assert.True(run.Scalar($"SELECT max(cascade_rounds) FROM {run.Table("liquidations")}") >= 5);
    }

    [Fact]
    public void Stop_losses_trigger_in_clusters_at_the_round_numbers_and_only_where_the_price_reached()
    {
        var triggers = run.Table("triggers");
        var stops = run.Scalar($"SELECT sum(stop_ordered_volume) FROM {triggers} WHERE instrument = 'BTC'");
        var atRoundNumbers = run.Scalar($"SELECT sum(stop_ordered_volume) FROM {triggers} WHERE instrument = 'BTC' AND level IN (100000, 90000)");
        var levels = run.Scalar($"SELECT count(DISTINCT level) FROM {triggers} WHERE instrument = 'BTC' AND stop_ordered_volume > 0");

        Assert.True(stops > 1_000, $"{stops} BTC of stops triggered");
        Assert.True(levels > 20, $"stops triggered at {levels} levels");
        Assert.True(atRoundNumbers / stops > 0.5, $"{atRoundNumbers / stops:P0} of triggered stops at 100,000 and 90,000, two of {levels} levels");
    }

    [Fact]
    public void Stops_and_liquidations_trigger_only_at_levels_the_price_crossed()
    {
        // A trigger row's level is its bin's lower edge (bins of 500 here): the price must have traded in or below the bin.
        var unreached = run.Scalar($"""
            SELECT coalesce(sum(t.stop_ordered_volume + t.margin_ordered_volume), 0)
            FROM {run.Table("triggers")} t JOIN {run.Table("market")} m USING (tick, venue, instrument)
            WHERE t.instrument = 'BTC' AND t.level + 500 <= m.low
            """);
        var margin = run.Scalar($"SELECT sum(margin_ordered_volume) FROM {run.Table("triggers")} WHERE instrument = 'BTC'");

        Assert.True(margin > 1_000, $"{margin} BTC of liquidations triggered");
        Assert.Equal(0, unreached);
    }

    [Fact]
    public void Leveraged_liquidations_come_in_the_sharp_falls()
    {
        var margin = run.Scalar($"SELECT sum(margin_notional) FROM {run.Table("liquidations")} WHERE venue = 'retail'");
        const string falls = "WITH m AS (SELECT tick, low, lag(close) OVER (ORDER BY tick) AS previous FROM {0} WHERE venue = 'retail' AND instrument = 'BTC'), f AS (SELECT tick FROM m WHERE low < previous * 0.98)";
        var fallsSql = string.Format(CultureInfo.InvariantCulture, falls, run.Table("market"));
        var inFalls = run.Scalar($"{fallsSql} SELECT coalesce(sum(l.margin_notional), 0) FROM {run.Table("liquidations")} l JOIN f USING (tick) WHERE l.venue = 'retail'");
        var fallTicks = run.Scalar($"{fallsSql} SELECT count(*) FROM f");

        Assert.True(margin > 1e8, $"margin notional {margin}");
        Assert.True(fallTicks < 0.05 * 720, $"{fallTicks} ticks fall 2%");
        Assert.True(inFalls / margin > 0.7, $"{inFalls / margin:P0} of margin liquidations in the {fallTicks} ticks falling 2%");
    }

    [Fact]
    public void Etf_outflows_reach_the_coin_and_the_institutional_venue_trades_at_a_discount()
    {
        var sold = run.Scalar($"SELECT -sum(net_notional) FROM {run.Table("flows")} WHERE participant_class = 'etf_issuer' AND instrument = 'BTC'");
        var premium = run.Scalar($"SELECT median(premium) FROM {run.Table("market")} WHERE venue = 'inst' AND instrument = 'BTC' AND tick BETWEEN 24 AND 503");
        var discounted = run.Scalar($"SELECT avg(CASE WHEN premium < 0 THEN 1.0 ELSE 0.0 END) FROM {run.Table("market")} WHERE venue = 'inst' AND instrument = 'BTC' AND tick BETWEEN 24 AND 503");
        var first = run.Scalar($"SELECT close FROM {run.Table("market")} WHERE venue = 'inst' AND instrument = 'BTC' AND tick = 0");
        var last = run.Scalar($"SELECT close FROM {run.Table("market")} WHERE venue = 'inst' AND instrument = 'BTC' ORDER BY tick DESC LIMIT 1");

        Assert.InRange(sold, 0.8 * 3.5e9, 1.2 * 3.5e9); // the AP passes the $3.5B of redemptions on
        Assert.True(premium < 0, $"median institutional premium {premium:P3}");
        Assert.True(discounted > 0.6, $"{discounted:P0} of outflow ticks at a discount");
        Assert.True(last < first * 0.95, $"{first} -> {last}");
    }

    [Fact]
    public async Task Calibrate_impact_reports_about_three_point_four_percent_for_one_billion_out()
    {
        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(
            ["calibrate-impact", "scenarios/btc-november-cascade.yaml", "--flow", "-1e9", "--engine", "direct"]);

        Assert.True(exit == 0, stdout + stderr);
        var move = double.Parse(Move().Match(stdout).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(move, -3.9, -2.9);
    }

    [GeneratedRegex(@"move: ([+-][0-9.]+)%")]
    private static partial Regex Move();
}
