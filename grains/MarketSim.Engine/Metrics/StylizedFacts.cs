using MathNet.Numerics.Statistics;

namespace MarketSim.Engine.Metrics;

/// <summary>
/// The stylized facts of asset returns (Cont 2001) that a market model should reproduce: heavy
/// tails (excess kurtosis, a Hill tail index), no linear autocorrelation of returns, and volatility
/// clustering (positive autocorrelation of absolute returns). Pure functions of a series, so each
/// can be checked against an independent computation.
/// </summary>
public static class StylizedFacts
{
    /// <summary>Lags at which autocorrelations are reported, in ticks.</summary>
    public static IReadOnlyList<int> Lags { get; } = [1, 5, 10, 20, 50];

    /// <summary>The autocorrelation of absolute returns is computed at every lag 1 … this (the decay a researcher plots).</summary>
    public const int MaxLag = 50;

    /// <summary>Ticks per aggregated return for aggregational Gaussianity: kurtosis of 10-tick returns against 1-tick ones.</summary>
    public const int AggregationHorizon = 10;

    /// <summary>Share of the largest absolute returns the Hill estimator uses: k = ⌊0.05 n⌋.</summary>
    public const double TailFraction = 0.05;

    /// <summary>
    /// Fewest order statistics <see cref="Of"/> accepts for a Hill estimate: below this (fewer than 200
    /// returns) the estimate is noise, and prices on a tick grid make tied extremes that send it to ∞.
    /// </summary>
    public const int MinimumHillK = 10;

    /// <summary>All the facts of <paramref name="returns"/>, with the default lags and tail fraction.</summary>
    public static ReturnFacts Of(IReadOnlyList<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);

        var absolute = returns.Select(Math.Abs).ToArray();
        var k = HillK(returns.Count, TailFraction);
        return new ReturnFacts(
            returns.Count,
            returns.Count > 0 ? returns.Mean() : double.NaN,
            returns.Count > 1 ? returns.StandardDeviation() : double.NaN,
            ExcessKurtosis(returns),
            k >= MinimumHillK ? HillTailIndex(absolute, k) : double.NaN,
            k,
            [.. Lags.Select(lag => new LagCorrelation(lag, Autocorrelation(returns, lag)))],
            [.. Lags.Select(lag => new LagCorrelation(lag, Autocorrelation(absolute, lag)))])
        {
            AggregatedExcessKurtosis = ExcessKurtosis(AggregatedReturns(returns, AggregationHorizon)),
            AbsoluteReturnAutocorrelationSeries = Autocorrelations(absolute, MaxLag),
        };
    }

    /// <summary>
    /// Returns over <paramref name="horizon"/> ticks from log returns over one: the sums of consecutive,
    /// non-overlapping blocks of <paramref name="horizon"/> (a log return over h ticks is the sum of the h
    /// one-tick ones); an incomplete last block is dropped. Non-overlapping, so the aggregated returns are
    /// not correlated by construction.
    /// </summary>
    public static double[] AggregatedReturns(IReadOnlyList<double> returns, int horizon)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);

        var aggregated = new double[returns.Count / horizon];
        for (var block = 0; block < aggregated.Length; block++)
        {
            for (var t = block * horizon; t < (block + 1) * horizon; t++)
            {
                aggregated[block] += returns[t];
            }
        }

        return aggregated;
    }

    /// <summary>The autocorrelation (as <see cref="Autocorrelation"/>) at every lag 1 … <paramref name="maxLag"/>; element i is lag i + 1.</summary>
    public static double[] Autocorrelations(IReadOnlyList<double> values, int maxLag)
    {
        ArgumentNullException.ThrowIfNull(values);

        return [.. Enumerable.Range(1, maxLag).Select(lag => Autocorrelation(values, lag))];
    }

    /// <summary>
    /// The order-sign series of a book: +1 for a tick whose aggressive (taker) volume was net bought, −1 net sold,
    /// ticks with no net taker volume left out (they have no sign). Its autocorrelation is the persistence of
    /// order flow, strongly positive and slowly decaying in real markets (Lillo and Farmer 2004).
    /// </summary>
    public static double[] OrderSigns(IReadOnlyList<double> takerNet)
    {
        ArgumentNullException.ThrowIfNull(takerNet);

        return [.. takerNet.Where(net => net != 0).Select(net => (double)Math.Sign(net))];
    }

    /// <summary>ln(p[t] / p[t−1]) for each consecutive pair: one fewer return than prices.</summary>
    public static double[] LogReturns(IReadOnlyList<double> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);

        var returns = new double[Math.Max(0, prices.Count - 1)];
        for (var t = 1; t < prices.Count; t++)
        {
            returns[t - 1] = Math.Log(prices[t] / prices[t - 1]);
        }

        return returns;
    }

    /// <summary>
    /// Sample excess kurtosis, the bias-corrected G2 (0 for a normal distribution, the same estimator as
    /// Excel's KURT and pandas' <c>kurt()</c>); NaN below 4 values or when they are all equal.
    /// </summary>
    public static double ExcessKurtosis(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);

        // MathNet returns NaN for fewer than 4 values, and ±∞ or NaN for a constant series; only finite values mean anything.
        var kurtosis = values.Kurtosis();
        return double.IsFinite(kurtosis) ? kurtosis : double.NaN;
    }

    /// <summary>The number of order statistics the Hill estimator uses for a sample of <paramref name="count"/>: ⌊fraction × count⌋.</summary>
    public static int HillK(int count, double tailFraction) => (int)Math.Floor(tailFraction * count);

    /// <summary>
    /// Hill's (1975) estimate of the tail index α of positive <paramref name="values"/> from their
    /// <paramref name="k"/> largest: α̂ = k / Σᵢ₌₁..ₖ ln(X₍ᵢ₎ / X₍ₖ₊₁₎), X₍₁₎ ≥ X₍₂₎ ≥ … the values in
    /// descending order. A smaller α is a heavier tail (α ≈ 3 for equity returns). NaN when k is not in
    /// [1, n), or when X₍ₖ₊₁₎ is not positive (too many zero returns to see a tail).
    /// </summary>
    public static double HillTailIndex(IReadOnlyList<double> values, int k)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (k < 1 || k >= values.Count)
        {
            return double.NaN;
        }

        var descending = values.OrderDescending().ToArray();
        var threshold = descending[k];
        if (!(threshold > 0))
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            sum += Math.Log(descending[i] / threshold);
        }

        return sum > 0 ? k / sum : double.NaN;
    }

    /// <summary>
    /// The sample autocorrelation at <paramref name="lag"/>: Σₜ (xₜ − x̄)(xₜ₊ₗ − x̄) / Σₜ (xₜ − x̄)², the
    /// mean and denominator over the whole series. This is the estimator of R's <c>acf</c> and
    /// statsmodels' <c>acf</c>, so values can be checked there; it shrinks toward 0 by (n − lag) / n
    /// compared with the Pearson correlation of the shifted series (pandas' <c>autocorr</c>). NaN when
    /// the lag leaves no pairs or the series is constant.
    /// </summary>
    public static double Autocorrelation(IReadOnlyList<double> values, int lag)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        if (lag >= values.Count)
        {
            return double.NaN;
        }

        var mean = values.Mean();
        var numerator = 0.0;
        var denominator = 0.0;
        for (var t = 0; t < values.Count; t++)
        {
            var deviation = values[t] - mean;
            denominator += deviation * deviation;
            if (t + lag < values.Count)
            {
                numerator += deviation * (values[t + lag] - mean);
            }
        }

        return denominator > 0 ? numerator / denominator : double.NaN;
    }
}
