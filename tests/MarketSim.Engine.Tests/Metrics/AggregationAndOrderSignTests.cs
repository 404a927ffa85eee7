using MarketSim.Engine.Metrics;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Metrics;

/// <summary>The facts added for issue 12's first checks, each against numbers worked out by hand.</summary>
public sealed class AggregationAndOrderSignTests
{
    [Fact]
    public void Aggregated_returns_sum_non_overlapping_blocks_and_drop_the_incomplete_one()
    {
        Assert.Equal([6.0, 15.0], StylizedFacts.AggregatedReturns([1, 2, 3, 4, 5, 6, 7], 3));
        Assert.Empty(StylizedFacts.AggregatedReturns([1, 2], 3));
    }

    [Fact]
    public void The_ten_tick_kurtosis_is_that_of_the_ten_tick_sums()
    {
        // Seven blocks of ten one-tick returns, each block's sum one value of the G2 sample worked out in
        // StylizedFactsTests (589/180); the nine other returns of a block are zero.
        double[] sums = [-3, -1, 0, 0, 1, 2, 8];
        var returns = sums.SelectMany(sum => new[] { sum }.Concat(Enumerable.Repeat(0.0, 9))).ToArray();

        var facts = StylizedFacts.Of(returns);

        Assert.Equal(589.0 / 180.0, facts.AggregatedExcessKurtosis, precision: 12);
    }

    [Fact]
    public void The_absolute_return_autocorrelation_series_runs_from_lag_one_to_fifty()
    {
        // Deviations −2 −1 0 1 2 from the mean 3: Σd² = 10; lag 1: 4, lag 2: −1, lag 3: (−2)(1) + (−1)(2) = −4; lag 4: (−2)(2) = −4.
        var series = StylizedFacts.Autocorrelations([1, 2, 3, 4, 5], 5);

        Assert.Equal([0.4, -0.1, -0.4, -0.4], series[..4], new RoundedComparer());
        Assert.True(double.IsNaN(series[4]));

        var facts = StylizedFacts.Of([.. Enumerable.Range(0, 300).Select(t => Math.Sin(t * 0.3))]);
        Assert.Equal(StylizedFacts.MaxLag, facts.AbsoluteReturnAutocorrelationSeries.Count);
        Assert.Equal(facts.AbsoluteReturnAutocorrelationAt(50), facts.AbsoluteReturnAutocorrelationSeries[49]);
    }

    [Fact]
    public void Order_signs_are_the_signs_of_net_taker_volume_without_the_ticks_that_had_none()
    {
        Assert.Equal([1.0, -1.0, 1.0], StylizedFacts.OrderSigns([2.5, 0, -0.001, 0, 3]));
    }

    [Fact]
    public void A_book_reports_close_against_mid_bounce_and_its_order_sign_autocorrelation()
    {
        // Close bounces 100 ↔ 101: returns L, −L, L, −L, acf(1) = −3L² / 4L² = −0.75.
        // Mid returns 0.01 0.02 0.03 0.04: deviations −1.5 −0.5 0.5 1.5 (× 0.01), acf(1) = 1.25 / 5 = 0.25.
        // Taker net 2, −1, 0, 3, 0: signs 1 −1 1, deviations 2/3 −4/3 2/3, acf(1) = (−16/9) / (24/9) = −2/3.
        double[] closes = [100, 101, 100, 101, 100];
        double[] midReturns = [0.01, 0.02, 0.03, 0.04];
        var mids = new double[5];
        mids[0] = 100;
        for (var t = 1; t < 5; t++)
        {
            mids[t] = mids[t - 1] * Math.Exp(midReturns[t - 1]);
        }

        double[] takerNet = [2, -1, 0, 3, 0];
        var market = Enumerable.Range(0, 5).Select(t => Row(t, closes[t], mids[t], takerNet[t])).Reverse().ToArray();

        var onMid = Assert.Single(BookFacts.Of(market));
        var onClose = Assert.Single(BookFacts.Of(market, ReturnPrice.Close));

        Assert.Equal((ReturnPrice.Mid, 4), (onMid.Price, onMid.Facts.Returns));
        Assert.Equal(0.25, onMid.Facts.ReturnAutocorrelationAt(1), precision: 10);
        Assert.Equal(-0.75, onClose.Facts.ReturnAutocorrelationAt(1), precision: 12);
        Assert.Equal((-0.75, 0.25), (Math.Round(onMid.CloseReturnAutocorrelation1, 10), Math.Round(onMid.MidReturnAutocorrelation1, 10)));
        Assert.Equal(3, onMid.OrderSigns);
        Assert.Equal(-2.0 / 3.0, onMid.OrderSignAutocorrelationAt(1), precision: 12);
    }

    private static MarketRow Row(long tick, double close, double mid, double takerNet) =>
        new(tick, "spot", "BTC", close, close, close, close, 1, close, 1, close - 0.5, close + 0.5, 1, 1, 1, 0, 0, 0, 0, 0, mid, 2, 0, 0, takerNet);

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
