using MarketSim.Engine.Contracts;
using MarketSim.Engine.Metrics;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;

namespace MarketSim.Engine.Tests.PriceFormation;

/// <summary>
/// scenarios/baseline.yaml shows the stylized facts of returns (Cont 2001) over seeds, not for one chosen seed: the
/// medians over five seeds must meet issue 12's must-show 1 on the returns of the mid per tick. To keep the test
/// short it runs the first five of the scenario's ten days (7,200 one-minute ticks); docs/model.md has the ten-day,
/// ten-seed figures.
/// </summary>
public sealed class BaselineStylizedFactsTests
{
    private static readonly long[] Seeds = [1, 2, 3, 4, 5];

    private const int Ticks = 7_200;

    [Fact]
    public async Task Baseline_mid_returns_have_fat_tails_no_linear_memory_and_clustered_volatility_over_five_seeds()
    {
        var scenario = ScenarioReader.ReadFile(RepositoryRoot.Scenario("baseline.yaml")).Scenario!;
        var facts = await Task.WhenAll(Seeds.Select(seed => Task.Run(() => FactsOf(scenario with { Seed = seed, Ticks = Ticks }))));

        var summary = string.Join("; ", facts.Select((f, i) => $"seed {Seeds[i]}: {f}"));
        Assert.True(Median(facts.Select(f => f.Kurtosis)) >= 2, summary);
        Assert.InRange(Median(facts.Select(f => f.Hill)), 2.5, 5);
        for (var lag = 0; lag < 10; lag++)
        {
            Assert.True(Math.Abs(Median(facts.Select(f => f.Returns[lag]))) < 0.1, $"acf(r) at lag {lag + 1}; {summary}");
        }

        Assert.True(Median(facts.Select(f => f.Absolute1)) >= 0.1, summary);
        Assert.True(Median(facts.Select(f => f.Absolute10)) >= 0.05, summary);
        Assert.True(Median(facts.Select(f => f.Kurtosis10)) < Median(facts.Select(f => f.Kurtosis)), summary);
    }

    /// <summary>Runs one seed on the direct engine and measures the log returns of the mid, per tick and over 10 ticks.</summary>
    internal static async Task<MidFacts> FactsOf(Scenario scenario)
    {
        var layout = new MarketLayout(scenario);
        var cycle = new TickCycle(layout, new DirectMarket(layout));
        var mids = new double[scenario.Ticks];
        var last = 0.0;
        for (var t = 0; t < scenario.Ticks; t++)
        {
            var record = await cycle.RunTickAsync();
            var row = Assert.Single(record.Market);
            Assert.True(record.Conservation.Holds, $"tick {t}: conservation");

            // Mid at the close, the last one while a side of the book is empty.
            last = row.BestBid > 0 && row.BestAsk > 0 ? (row.BestBid + row.BestAsk) / 2 : (last > 0 ? last : row.Close);
            mids[t] = last;
        }

        var returns = StylizedFacts.LogReturns(mids);
        var tenTick = StylizedFacts.LogReturns([.. mids.Where((_, t) => t % 10 == 0)]);
        var absolute = returns.Select(Math.Abs).ToArray();
        return new MidFacts(
            StylizedFacts.ExcessKurtosis(returns),
            StylizedFacts.HillTailIndex(absolute, StylizedFacts.HillK(absolute.Length, StylizedFacts.TailFraction)),
            [.. Enumerable.Range(1, 10).Select(lag => StylizedFacts.Autocorrelation(returns, lag))],
            StylizedFacts.Autocorrelation(absolute, 1),
            StylizedFacts.Autocorrelation(absolute, 10),
            StylizedFacts.ExcessKurtosis(tenTick));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal sealed record MidFacts(double Kurtosis, double Hill, double[] Returns, double Absolute1, double Absolute10, double Kurtosis10)
    {
        public override string ToString() =>
            FormattableString.Invariant($"kurt {Kurtosis:0.00}, Hill {Hill:0.00}, acf(r) max {Returns.Max(Math.Abs):0.000}, acf|r| {Absolute1:0.000}/{Absolute10:0.000}, kurt10 {Kurtosis10:0.00}");
    }
}
