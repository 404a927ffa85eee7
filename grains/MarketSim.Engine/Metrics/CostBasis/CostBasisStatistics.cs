using MarketSim.Engine.Contracts;

namespace MarketSim.Engine.Metrics.CostBasis;

/// <summary>
/// Statistics of cost-basis histograms. Costs come out in cash units per lot of the histogram's instrument
/// (divide by its cash per tick-lot for ticks). Everything is a function of the integer histogram, computed
/// in ascending bin order, so it is the same on every host and for every cohort size.
/// </summary>
public static class CostBasisStatistics
{
    /// <summary>Total cost over total lots; NaN when empty.</summary>
    public static double Mean(CostBasisHistogram histogram) =>
        histogram.Lots > 0 ? histogram.Cost / (double)histogram.Lots : double.NaN;

    /// <summary>
    /// The <paramref name="q"/>-quantile of the lot-weighted distribution, to one bin: the average cost of the lots
    /// in the first bin where the cumulative lots reach q × total. NaN when empty.
    /// </summary>
    public static double Quantile(CostBasisHistogram histogram, double q)
    {
        if (histogram.Lots <= 0)
        {
            return double.NaN;
        }

        var target = q * histogram.Lots;
        long cumulative = 0;
        for (var i = 0; i < histogram.Bins.Length; i++)
        {
            cumulative += histogram.BinLots[i];
            if (cumulative >= target && histogram.BinLots[i] > 0)
            {
                return histogram.BinCost[i] / (double)histogram.BinLots[i];
            }
        }

        return histogram.BinCost[^1] / (double)histogram.BinLots[^1];
    }

    /// <summary>The share of the lots (or, with <paramref name="byHolders"/>, of the holders) under water; 0 when empty.</summary>
    public static double UnderwaterShare(CostBasisHistogram histogram, bool byHolders = false) =>
        byHolders
            ? histogram.Holders > 0 ? histogram.UnderwaterHolders / (double)histogram.Holders : 0
            : histogram.Lots > 0 ? histogram.UnderwaterLots / (double)histogram.Lots : 0;

    /// <summary>
    /// The overlap of two lot-weighted distributions: Σ over bins of min(p_a(b), p_b(b)), where p(b) is a bin's
    /// share of the group's lots. 1 when the two put the same shares in every bin, 0 when they share no bin or one
    /// is empty. With <paramref name="underwater"/>, p(b) counts only the bin's lots under water (still as a share
    /// of all the group's lots): how much of both groups is under water at the same cost.
    /// </summary>
    public static double Overlap(CostBasisHistogram a, CostBasisHistogram b, bool underwater = false)
    {
        if (a.Lots <= 0 || b.Lots <= 0)
        {
            return 0;
        }

        var (lotsA, lotsB) = underwater ? (a.BinUnderwaterLots, b.BinUnderwaterLots) : (a.BinLots, b.BinLots);
        var overlap = 0.0;
        int i = 0, j = 0;
        while (i < a.Bins.Length && j < b.Bins.Length)
        {
            if (a.Bins[i] < b.Bins[j])
            {
                i++;
            }
            else if (b.Bins[j] < a.Bins[i])
            {
                j++;
            }
            else
            {
                overlap += Math.Min(lotsA[i] / (double)a.Lots, lotsB[j] / (double)b.Lots);
                i++;
                j++;
            }
        }

        return overlap;
    }

    /// <summary>The histograms added into one, labelled with <paramref name="participantClass"/>; null when there are none.</summary>
    public static CostBasisHistogram? Sum(IEnumerable<CostBasisHistogram> histograms, int participantClass)
    {
        CostBasisHistogram? sum = null;
        foreach (var histogram in histograms)
        {
            sum = sum is null ? histogram with { Class = participantClass } : sum.Add(histogram);
        }

        return sum;
    }
}
