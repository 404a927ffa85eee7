using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class BtcNovemberCascadeSeeds : ScenarioSeeds
{
    protected override string ScenarioFile => "scenarios/btc-november-cascade.yaml";

    protected override int ScenarioSeed => 1;
}

/// <summary>
/// What <c>scenarios/btc-november-cascade.yaml</c> claims, checked in the traces of seeds 1–5 (seed 1, the scenario's,
/// through the README's command): each claim in every seed, sizes also as medians.
/// </summary>
[Collection(ScenarioSeedsCollection.Name)]
public sealed partial class BtcNovemberCascadeTests(BtcNovemberCascadeSeeds seeds) : IClassFixture<BtcNovemberCascadeSeeds>
{
    [Fact]
    public void Some_ticks_need_several_cascade_rounds_in_every_seed()
    {
        var deepest = new List<double>();
        var multiRounds = new List<double>();
        foreach (var run in seeds.Runs)
        {
            Assert.True(run.Summary.GetProperty("conserved").GetBoolean(), $"{run}: not conserved");
            var multiRound = run.Scalar($"SELECT count(*) FROM {run.Table("liquidations")} WHERE venue = 'retail' AND cascade_rounds > 1");
            var rounds = run.Scalar($"SELECT max(cascade_rounds) FROM {run.Table("liquidations")}");
            Assert.True(multiRound >= 3, $"{run}: {multiRound} retail ticks needed more than one round");
            Assert.True(rounds >= 3, $"{run}: deepest cascade {rounds} rounds");
            deepest.Add(rounds);
            multiRounds.Add(multiRound);
        }

        Assert.True(ScenarioSeeds.Median(deepest) >= 4, $"deepest cascades: {string.Join(", ", deepest)} rounds");
        Assert.True(ScenarioSeeds.Median(multiRounds) >= 8, $"multi-round retail ticks: {string.Join(", ", multiRounds)}");
    }

    [Fact]
    public void Stop_losses_trigger_in_clusters_at_the_round_numbers_in_every_seed()
    {
        var shares = new List<double>();
        foreach (var run in seeds.Runs)
        {
            var triggers = run.Table("triggers");
            var stops = run.Scalar($"SELECT sum(stop_ordered_volume) FROM {triggers} WHERE instrument = 'BTC'");
            var atRoundNumbers = run.Scalar($"SELECT sum(stop_ordered_volume) FROM {triggers} WHERE instrument = 'BTC' AND level IN (100000, 90000)");
            var levels = run.Scalar($"SELECT count(DISTINCT level) FROM {triggers} WHERE instrument = 'BTC' AND stop_ordered_volume > 0");

            Assert.True(stops > 1_000, $"{run}: {stops} BTC of stops triggered");
            Assert.True(levels > 20, $"{run}: stops triggered at {levels} levels");
            Assert.True(atRoundNumbers / stops > 0.5, $"{run}: {atRoundNumbers / stops:P0} of triggered stops at 100,000 and 90,000, two of {levels} levels");
            shares.Add(atRoundNumbers / stops);
        }

        Assert.True(ScenarioSeeds.Median(shares) > 0.6, $"shares at the round numbers: {string.Join(", ", shares.Select(s => s.ToString("P0", CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void Stops_and_liquidations_trigger_only_at_levels_the_price_crossed_in_every_seed()
    {
        foreach (var run in seeds.Runs)
        {
            // A trigger row's level is its bin's lower edge (bins of 500 here): the price must have traded in or below the bin.
            var unreached = run.Scalar($"""
                SELECT coalesce(sum(t.stop_ordered_volume + t.margin_ordered_volume), 0)
                FROM {run.Table("triggers")} t JOIN {run.Table("market")} m USING (tick, venue, instrument)
                WHERE t.instrument = 'BTC' AND t.level + 500 <= m.low
                """);
            var margin = run.Scalar($"SELECT sum(margin_ordered_volume) FROM {run.Table("triggers")} WHERE instrument = 'BTC'");

            Assert.True(margin > 1_000, $"{run}: {margin} BTC of liquidations triggered");
            Assert.Equal(0, unreached);
        }
    }

    [Fact]
    public void Leveraged_liquidations_come_in_bursts_in_every_seed()
    {
        var notional = new List<double>();
        foreach (var run in seeds.Runs)
        {
            var liquidations = run.Table("liquidations");
            var margin = run.Scalar($"SELECT sum(margin_notional) FROM {liquidations} WHERE venue = 'retail'");
            // The 1% of the month's ticks with the most liquidated notional.
            var inBursts = run.Scalar($"SELECT sum(margin_notional) FROM (SELECT margin_notional FROM {liquidations} WHERE venue = 'retail' ORDER BY margin_notional DESC LIMIT 7)");

            // How much is liquidated depends on how deep the month's fall goes: $186M–578M over seeds 1–5.
            Assert.True(margin > 5e7, $"{run}: margin notional {margin:N0}");
            Assert.True(inBursts / margin > 0.9, $"{run}: {inBursts / margin:P0} of margin liquidations in the 7 ticks with the most");
            notional.Add(margin);
        }

        Assert.True(ScenarioSeeds.Median(notional) > 2e8, $"margin notional: {string.Join(", ", notional.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void Etf_outflows_reach_the_coin_and_the_institutional_venue_trades_at_a_discount_in_every_seed()
    {
        var shares = new List<double>();
        foreach (var run in seeds.Runs)
        {
            var market = run.Table("market");
            var sold = run.Scalar($"SELECT -sum(net_notional) FROM {run.Table("flows")} WHERE participant_class = 'etf_issuer' AND instrument = 'BTC'");
            var premium = run.Scalar($"SELECT median(premium) FROM {market} WHERE venue = 'inst' AND instrument = 'BTC' AND tick BETWEEN 24 AND 503");
            var discounted = run.Scalar($"SELECT avg(CASE WHEN premium < 0 THEN 1.0 ELSE 0.0 END) FROM {market} WHERE venue = 'inst' AND instrument = 'BTC' AND tick BETWEEN 24 AND 503");
            var first = run.Scalar($"SELECT close FROM {market} WHERE venue = 'inst' AND instrument = 'BTC' AND tick = 0");
            var last = run.Scalar($"SELECT close FROM {market} WHERE venue = 'inst' AND instrument = 'BTC' ORDER BY tick DESC LIMIT 1");

            Assert.InRange(sold, 0.8 * 3.5e9, 1.2 * 3.5e9); // the AP passes the $3.5B of redemptions on
            Assert.True(premium < 0, $"{run}: median institutional premium {premium:P3}");
            Assert.True(discounted > 0.55, $"{run}: {discounted:P0} of outflow ticks at a discount");
            Assert.True(last < first * 0.95, $"{run}: {first} -> {last}");
            shares.Add(discounted);
        }

        Assert.True(ScenarioSeeds.Median(shares) > 0.6, $"shares of outflow ticks at a discount: {string.Join(", ", shares.Select(s => s.ToString("P0", CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void Mid_returns_have_no_lag_one_autocorrelation_on_either_venue_in_every_seed()
    {
        // Issue 12's lag-1 bound holds; its Hill bound (2–6) does not yet: the cascades are too large against the
        // calm hours' volatility (Hill α 1.1–2.2 over seeds 1–5; see the scenario's header).
        foreach (var venue in new[] { "retail", "inst" })
        {
            Assert.All(seeds.Runs, run =>
            {
                var acf = run.MidFacts(venue, "BTC").ReturnAutocorrelationAt(1);
                Assert.True(Math.Abs(acf) < 0.2, $"{run} {venue}: lag-1 autocorrelation of mid returns {acf:F3}");
            });
        }
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
