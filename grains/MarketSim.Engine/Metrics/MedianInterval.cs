using MarketSim.Engine.Randomness;
using MathNet.Numerics.Statistics;

namespace MarketSim.Engine.Metrics;

/// <summary>
/// The median of a few replicas' values with a 95% percentile-bootstrap confidence interval (Efron and
/// Tibshirani 1993, ch. 13): resample the values with replacement <see cref="Resamples"/> times, take each
/// resample's median, and read the 2.5% and 97.5% quantiles of those medians. Resampling is drawn from
/// <see cref="CounterRng.Hash"/> keyed by a seed, so the same values and seed give the same interval on any machine.
/// With a handful of replicas the interval can only run between observed values: it says how far the median
/// could move, not more.
/// </summary>
/// <param name="Median">Median of the finite values.</param>
/// <param name="Low">Lower end of the interval (the 2.5% quantile of the resampled medians).</param>
/// <param name="High">Upper end (the 97.5% quantile).</param>
/// <param name="Count">Finite values the median and interval are of (NaN values are left out).</param>
public readonly record struct MedianInterval(double Median, double Low, double High, int Count)
{
    public const int Resamples = 2_000;
    public const double Level = 0.95;

    /// <summary>The median and bootstrap interval of the finite <paramref name="values"/>; all NaN when there are none.</summary>
    public static MedianInterval Of(IEnumerable<double> values, long seed)
    {
        ArgumentNullException.ThrowIfNull(values);

        var sample = values.Where(double.IsFinite).ToArray();
        if (sample.Length == 0)
        {
            return new MedianInterval(double.NaN, double.NaN, double.NaN, 0);
        }

        var medians = new double[Resamples];
        var resample = new double[sample.Length];
        for (var b = 0; b < Resamples; b++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                resample[i] = sample[(int)(CounterRng.Hash(seed, b, i, 0, 0) % (ulong)sample.Length)];
            }

            medians[b] = resample.Median();
        }

        // R-7 (linear between order statistics): numpy's and R's default quantile.
        var tail = (1 - Level) / 2;
        return new MedianInterval(
            sample.Median(),
            medians.QuantileCustom(tail, QuantileDefinition.R7),
            medians.QuantileCustom(1 - tail, QuantileDefinition.R7),
            sample.Length);
    }

    /// <summary>Whether every value of the interval lies above <paramref name="other"/>'s: the medians differ beyond their intervals.</summary>
    public bool IsAbove(MedianInterval other) => Low > other.High;
}
