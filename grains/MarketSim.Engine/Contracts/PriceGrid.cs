namespace MarketSim.Engine.Contracts;

/// <summary>Bin widths of the cost-basis and trigger-level histograms.</summary>
public static class PriceGrid
{
    /// <summary>
    /// The bin width in ticks for a width of <paramref name="fraction"/> of <paramref name="initialPriceTicks"/>:
    /// the largest 1, 2 or 5 × 10^k ticks not above it, and at least one tick. Bins then start at round numbers
    /// (with a tick of 0.01 and a price of 100,050, 0.5% gives bins of 500.00).
    /// </summary>
    public static long BinTicks(long initialPriceTicks, double fraction)
    {
        var raw = initialPriceTicks * fraction;
        if (!(raw >= 1))
        {
            return 1;
        }

        long decade = 1;
        while (decade <= long.MaxValue / 10 && decade * 10 <= raw)
        {
            decade *= 10;
        }

        return decade * 5 <= raw ? decade * 5 : decade * 2 <= raw ? decade * 2 : decade;
    }

    /// <summary>The bin of a price: ⌊ticks / width⌋, never below 0.</summary>
    public static long BinOf(long priceTicks, long binTicks) => Math.Max(0, priceTicks) / binTicks;
}
