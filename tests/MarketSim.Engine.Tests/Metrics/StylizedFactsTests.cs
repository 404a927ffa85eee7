using MarketSim.Engine.Metrics;

namespace MarketSim.Engine.Tests.Metrics;

/// <summary>Each statistic against a value worked out independently of the code under test.</summary>
public sealed class StylizedFactsTests
{
    [Fact]
    public void Excess_kurtosis_is_the_bias_corrected_G2()
    {
        double[] sample = [-3, -1, 0, 0, 1, 2, 8];

        // G2 = n(n+1)/((n−1)(n−2)(n−3)) · Σ(x−x̄)⁴/s⁴ − 3(n−1)²/((n−2)(n−3)) with s² = Σ(x−x̄)²/(n−1),
        // worked out in exact fractions: x̄ = 1, Σ(x−x̄)² = 74, Σ(x−x̄)⁴ = 2702, so G2 = 589/180.
        Assert.Equal(589.0 / 180.0, StylizedFacts.ExcessKurtosis(sample), precision: 12);
    }

    [Fact]
    public void Excess_kurtosis_of_a_flat_or_short_series_is_NaN()
    {
        Assert.True(double.IsNaN(StylizedFacts.ExcessKurtosis([0, 0, 0, 0, 0])));
        Assert.True(double.IsNaN(StylizedFacts.ExcessKurtosis([1, 2, 3])));
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(3.0)]
    [InlineData(4.0)]
    public void Hill_recovers_the_tail_index_of_an_exact_Pareto_sample(double alpha)
    {
        // The quantiles of a Pareto(1, α) at (i − ½)/n: a sample with no sampling noise at all.
        const int n = 20_000;
        var sample = Enumerable.Range(1, n).Select(i => Math.Pow(1 - ((i - 0.5) / n), -1 / alpha)).ToArray();
        var k = StylizedFacts.HillK(n, StylizedFacts.TailFraction);

        var estimate = StylizedFacts.HillTailIndex(sample, k);

        Assert.Equal(1_000, k);
        Assert.InRange(estimate, alpha * 0.99, alpha * 1.01);
    }

    [Fact]
    public void Hill_is_NaN_when_k_leaves_no_tail_or_the_threshold_is_zero()
    {
        Assert.True(double.IsNaN(StylizedFacts.HillTailIndex([3, 2, 1], 0)));
        Assert.True(double.IsNaN(StylizedFacts.HillTailIndex([3, 2, 1], 3)));
        Assert.True(double.IsNaN(StylizedFacts.HillTailIndex([3, 0, 0, 0], 1)));
    }

    [Fact]
    public void Autocorrelation_of_an_alternating_series_is_minus_one_at_lag_one_up_to_the_n_minus_lag_over_n_shrinkage()
    {
        const int n = 1_000;
        var alternating = Enumerable.Range(0, n).Select(t => t % 2 == 0 ? 1.0 : -1.0).ToArray();

        Assert.Equal(-(n - 1.0) / n, StylizedFacts.Autocorrelation(alternating, 1), precision: 12);
        Assert.Equal((n - 2.0) / n, StylizedFacts.Autocorrelation(alternating, 2), precision: 12);
        Assert.Equal(1.0, StylizedFacts.Autocorrelation(alternating, 0), precision: 12);
    }

    [Fact]
    public void Autocorrelation_matches_the_textbook_estimator_by_hand()
    {
        // x̄ = 3, deviations −2 −1 0 1 2: Σ d² = 10; lag 1: (−2)(−1) + (−1)(0) + (0)(1) + (1)(2) = 4; lag 2: (−2)(0) + (−1)(1) + (0)(2) = −1.
        double[] series = [1, 2, 3, 4, 5];

        Assert.Equal(0.4, StylizedFacts.Autocorrelation(series, 1), precision: 12);
        Assert.Equal(-0.1, StylizedFacts.Autocorrelation(series, 2), precision: 12);
        Assert.True(double.IsNaN(StylizedFacts.Autocorrelation(series, 5)));
        Assert.True(double.IsNaN(StylizedFacts.Autocorrelation([2, 2, 2], 1)));
    }

    [Fact]
    public void Log_returns_are_close_to_close()
    {
        var returns = StylizedFacts.LogReturns([100, 110, 99]);

        Assert.Equal([Math.Log(1.1), Math.Log(0.9)], returns);
        Assert.Empty(StylizedFacts.LogReturns([100]));
    }

    [Fact]
    public void Of_collects_every_fact_at_the_documented_lags_and_k()
    {
        var returns = Enumerable.Range(0, 400).Select(t => Math.Sin(t * 0.7) * (1 + (t % 7))).ToArray();

        var facts = StylizedFacts.Of(returns);

        Assert.Equal(400, facts.Returns);
        Assert.Equal(20, facts.HillK);
        Assert.Equal(StylizedFacts.ExcessKurtosis(returns), facts.ExcessKurtosis);
        Assert.Equal(StylizedFacts.HillTailIndex(returns.Select(Math.Abs).ToArray(), 20), facts.HillAlpha);
        Assert.Equal([1, 5, 10, 20, 50], facts.ReturnAutocorrelation.Select(c => c.Lag));
        Assert.Equal(StylizedFacts.Autocorrelation(returns, 5), facts.ReturnAutocorrelation[1].Value);
        Assert.Equal(StylizedFacts.Autocorrelation(returns.Select(Math.Abs).ToArray(), 20), facts.AbsoluteReturnAutocorrelation[3].Value);
    }

    [Fact]
    public void Of_gives_no_Hill_estimate_from_fewer_than_the_minimum_order_statistics()
    {
        var returns = Enumerable.Range(0, 199).Select(t => Math.Sin(t * 0.7)).ToArray();

        var facts = StylizedFacts.Of(returns);

        Assert.Equal(9, facts.HillK);
        Assert.True(double.IsNaN(facts.HillAlpha));
    }
}
