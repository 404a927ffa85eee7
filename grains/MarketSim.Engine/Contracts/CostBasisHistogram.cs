namespace MarketSim.Engine.Contracts;

/// <summary>
/// The position-weighted cost-basis distribution of one participant class in one instrument, as integers:
/// holders, the lots they hold, what those lots cost (cash units, fees included) and the part of them under
/// water (average cost above the close of the holder's own book), in total and per price bin. A holder's bin
/// is its average cost ⌊cost / (lots × cash per tick-lot)⌋ ticks divided by the bin width in ticks. Only
/// bins with holders are listed, in ascending order. Sums of integers, so the histograms of any partition of
/// the holders add up to the same histogram.
/// </summary>
public sealed record CostBasisHistogram(
    int Class,
    int Instrument,
    long Holders,
    long Lots,
    long Cost,
    long UnderwaterHolders,
    long UnderwaterLots,
    long[] Bins,
    long[] BinHolders,
    long[] BinLots,
    long[] BinCost,
    long[] BinUnderwaterLots)
{
    public static CostBasisHistogram Empty(int participantClass, int instrument) => new(participantClass, instrument, 0, 0, 0, 0, 0, [], [], [], [], []);

    /// <summary>Adds two histograms bin by bin; the result keeps this one's class and instrument.</summary>
    public CostBasisHistogram Add(CostBasisHistogram other)
    {
        var capacity = Bins.Length + other.Bins.Length;
        List<long> bins = new(capacity), holders = new(capacity), lots = new(capacity), cost = new(capacity), underwater = new(capacity);
        int a = 0, b = 0;
        while (a < Bins.Length || b < other.Bins.Length)
        {
            var order = a == Bins.Length ? 1 : b == other.Bins.Length ? -1 : Bins[a].CompareTo(other.Bins[b]);
            var (bin, x, y) = order < 0 ? (Bins[a], a++, -1) : order > 0 ? (other.Bins[b], -1, b++) : (Bins[a], a++, b++);
            bins.Add(bin);
            holders.Add(At(BinHolders, x) + At(other.BinHolders, y));
            lots.Add(At(BinLots, x) + At(other.BinLots, y));
            cost.Add(At(BinCost, x) + At(other.BinCost, y));
            underwater.Add(At(BinUnderwaterLots, x) + At(other.BinUnderwaterLots, y));
        }

        return new CostBasisHistogram(
            Class, Instrument, Holders + other.Holders, Lots + other.Lots, Cost + other.Cost,
            UnderwaterHolders + other.UnderwaterHolders, UnderwaterLots + other.UnderwaterLots,
            [.. bins], [.. holders], [.. lots], [.. cost], [.. underwater]);
    }

    private static long At(long[] values, int index) => index < 0 ? 0 : values[index];
}

/// <summary>
/// The cost-basis histograms of some set of participants, one per (class, instrument) that holds
/// anything, ordered by class then instrument. What a participant (or a subtree of them) reports when a
/// tick closes; <see cref="Add"/> is exact and does not depend on the order of merging.
/// </summary>
public sealed record CostBasisBook(IReadOnlyList<CostBasisHistogram> Histograms)
{
    public static readonly CostBasisBook Empty = new([]);

    public CostBasisBook Add(CostBasisBook other)
    {
        if (other.Histograms.Count == 0)
        {
            return this;
        }

        if (Histograms.Count == 0)
        {
            return other;
        }

        var merged = new List<CostBasisHistogram>(Histograms.Count + other.Histograms.Count);
        int a = 0, b = 0;
        while (a < Histograms.Count || b < other.Histograms.Count)
        {
            var order = a == Histograms.Count ? 1 : b == other.Histograms.Count ? -1 : Compare(Histograms[a], other.Histograms[b]);
            merged.Add(order < 0 ? Histograms[a++] : order > 0 ? other.Histograms[b++] : Histograms[a++].Add(other.Histograms[b++]));
        }

        return new CostBasisBook(merged);
    }

    /// <summary>The histogram of <paramref name="participantClass"/> in <paramref name="instrument"/>, or null when it holds none.</summary>
    public CostBasisHistogram? Find(int participantClass, int instrument) =>
        Histograms.FirstOrDefault(h => h.Class == participantClass && h.Instrument == instrument);

    private static int Compare(CostBasisHistogram x, CostBasisHistogram y) =>
        x.Class != y.Class ? x.Class.CompareTo(y.Class) : x.Instrument.CompareTo(y.Instrument);
}
