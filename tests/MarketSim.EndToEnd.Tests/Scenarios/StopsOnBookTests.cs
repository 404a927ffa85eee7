using System.Globalization;

namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class StopsOnBookSeeds : ScenarioSeeds
{
    protected override string ScenarioFile => "scenarios/stops-on-book.yaml";

    protected override int ScenarioSeed => 42;
}

/// <summary>The same file with every stop held by its trader and fired as a market sale in the next round: what the header compares with.</summary>
public sealed class StopsHeldByTradersSeeds : ScenarioSeeds
{
    protected override string ScenarioFile => "scenarios/stops-on-book.yaml";

    protected override int ScenarioSeed => 42;

    protected override IReadOnlyList<string> Overrides => ["retail.stopLoss.onBook=false"];
}

/// <summary>
/// What <c>scenarios/stops-on-book.yaml</c> claims, checked in the traces of seeds 1–5 and 42 (the scenario's, through
/// the README's command), with the stops on the book and, for the comparison, held by the traders: each claim in every
/// seed, the sizes also as medians.
/// </summary>
[Collection(ScenarioSeedsCollection.Name)]
public sealed class StopsOnBookTests(StopsOnBookSeeds seeds, StopsHeldByTradersSeeds held)
    : IClassFixture<StopsOnBookSeeds>, IClassFixture<StopsHeldByTradersSeeds>
{
    private const int Scare = 3920;

    /// <summary>20% of the 2,000 traders keep a stop.</summary>
    private const int StopKeepers = 400;

    /// <summary>A column's sum over the run (as a double: DuckDB sums integers to a 128-bit integer).</summary>
    private static double Sum(SeedRun run, string table, string column, string where = "true") =>
        run.Scalar($"SELECT CAST(sum({column}) AS DOUBLE) FROM {run.Table(table)} WHERE {where}");

    /// <summary>The lowest close from the scare on against the close before it, less one.</summary>
    private static double Fall(SeedRun run)
    {
        var market = run.Table("market");
        return run.Scalar($"SELECT min(close) FROM {market} WHERE tick >= {Scare}") / run.Scalar($"SELECT close FROM {market} WHERE tick = {Scare - 1}") - 1;
    }

    private static double MultiRoundTicks(SeedRun run) => run.Scalar($"SELECT count(*) FROM {run.Table("market")} WHERE cascade_rounds > 1");

    [Fact]
    public void Mid_returns_have_a_fat_tail_and_no_lag_one_autocorrelation_in_every_seed()
    {
        seeds.AssertMidReturnsLookLikeAMarket("spot", "BTC");
    }

    [Fact]
    public void The_book_triggers_the_stops_after_the_scare_and_every_tick_clears_in_one_round_in_every_seed()
    {
        var falls = new List<double>();
        foreach (var run in seeds.Runs)
        {
            var afterScare = Sum(run, "liquidations", "stop_orders", $"tick >= {Scare}");
            var fall = Fall(run);

            Assert.True(run.Summary.GetProperty("conserved").GetBoolean(), $"{run}: conservation");
            Assert.True(afterScare >= StopKeepers, $"{run}: the book triggered {afterScare} stops after the scare");
            Assert.True(Sum(run, "market", "stop_triggers") >= afterScare, $"{run}: the book's own stop triggers");
            Assert.Equal(0, MultiRoundTicks(run));
            Assert.True(fall is < -0.03 and > -0.08, $"{run}: lowest close after the scare {fall:P1} from the close before it");
            falls.Add(fall);
        }

        Assert.InRange(ScenarioSeeds.Median(falls), -0.07, -0.04);
    }

    [Fact]
    public void Partly_filled_stops_keep_their_remainder_and_are_re_armed_in_every_seed()
    {
        var soldShares = new List<double>();
        foreach (var run in seeds.Runs)
        {
            var triggered = Sum(run, "liquidations", "stop_orders");
            var sold = Sum(run, "liquidations", "stop_volume");
            var asked = Sum(run, "triggers", "stop_ordered_volume");

            // A stop-keeper's remainder, re-armed for the units it still holds, is triggered again: more triggers than stops.
            Assert.True(triggered > 1.5 * StopKeepers, $"{run}: {triggered} stops triggered by {StopKeepers} stop-keepers");
            Assert.True(sold > 0 && sold < 0.5 * asked, $"{run}: stops sold {sold:F1} of the {asked:F1} units they were sent for");
            soldShares.Add(sold / asked);
        }

        Assert.True(ScenarioSeeds.Median(soldShares) < 0.3, $"shares sold {string.Join(", ", soldShares.Select(s => s.ToString("P0", CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void Stops_held_by_the_traders_cascade_through_more_rounds_and_fall_further_in_every_seed()
    {
        foreach (var run in held.Runs)
        {
            var onBook = seeds[run.Seed];

            Assert.True(MultiRoundTicks(run) >= 10, $"{run}: {MultiRoundTicks(run)} multi-round ticks with the stops held");
            Assert.True(Fall(run) < Fall(onBook) - 0.03, $"{run}: held {Fall(run):P1}, on the book {Fall(onBook):P1}");
        }
    }
}
