namespace MarketSim.Engine.Contracts;

/// <summary>
/// What is armed at one price level of one book when a tick closes: stop-losses whose stop price, and
/// leveraged positions whose liquidation price, lies in the bin starting at <see cref="Bin"/> × the trigger
/// bin width, with the units they would sell (or buy). Integer sums, the same over any partition.
/// </summary>
public sealed record RestingLevel(int Book, long Bin, long Stops, long StopLots, long Liquidations, long LiquidationLots)
{
    /// <summary>Adds two lists ordered by (book, bin) into one, level by level.</summary>
    public static IReadOnlyList<RestingLevel> Add(IReadOnlyList<RestingLevel> a, IReadOnlyList<RestingLevel> b)
    {
        if (b.Count == 0)
        {
            return a;
        }

        if (a.Count == 0)
        {
            return b;
        }

        var merged = new List<RestingLevel>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            var order = i == a.Count ? 1 : j == b.Count ? -1 : a[i].Book != b[j].Book ? a[i].Book.CompareTo(b[j].Book) : a[i].Bin.CompareTo(b[j].Bin);
            merged.Add(order < 0 ? a[i++] : order > 0 ? b[j++] : a[i] with
            {
                Stops = a[i].Stops + b[j].Stops,
                StopLots = a[i].StopLots + b[j].StopLots,
                Liquidations = a[i].Liquidations + b[j].Liquidations,
                LiquidationLots = a[i++].LiquidationLots + b[j++].LiquidationLots,
            });
        }

        return merged;
    }
}

/// <summary>
/// Collects armed stops and liquidation prices into levels of the trigger grid, within the resting window
/// around each book's close; levels outside it are left out (the table would otherwise grow with every
/// far-away stop). One recorder per tick, for one participant or many.
/// </summary>
public sealed class RestingLevelRecorder(MarketLayout layout)
{
    private readonly long[] _binTicks = layout.Books.Select(b => PriceGrid.BinTicks(layout.Instruments[b.Instrument].InitialPrice, layout.Scenario.Metrics.TriggerBinWidth)).ToArray();
    private readonly double _window = layout.Scenario.Metrics.RestingWindow;
    private readonly SortedDictionary<(int Book, long Bin), long[]> _levels = [];

    /// <summary>Whether anything is recorded at all (a window of 0 turns the table off).</summary>
    public bool IsOn => _window > 0;

    /// <summary>The bins of <paramref name="book"/> inside the window around <paramref name="closeTicks"/>: first and last.</summary>
    public (long First, long Last) Window(int book, long closeTicks) =>
        (PriceGrid.BinOf((long)Math.Floor(closeTicks * (1 - _window)), _binTicks[book]), PriceGrid.BinOf((long)Math.Ceiling(closeTicks * (1 + _window)), _binTicks[book]));

    /// <summary>A level of a book for many additions: counts per bin of the window, added to the recorder by <see cref="Flush"/>.</summary>
    public RestingLevelWindow Open(int book, long closeTicks)
    {
        var (first, last) = Window(book, closeTicks);
        return new RestingLevelWindow(book, _binTicks[book], first, last);
    }

    /// <summary>Adds what <paramref name="window"/> collected.</summary>
    public void Flush(RestingLevelWindow window)
    {
        foreach (var (bin, counts) in window.Levels())
        {
            if (!_levels.TryGetValue((window.Book, bin), out var total))
            {
                _levels.Add((window.Book, bin), total = new long[4]);
            }

            for (var k = 0; k < 4; k++)
            {
                total[k] += counts[k];
            }
        }
    }

    public IReadOnlyList<RestingLevel> Build() =>
        [.. _levels.Select(l => new RestingLevel(l.Key.Book, l.Key.Bin, l.Value[0], l.Value[1], l.Value[2], l.Value[3]))];
}

/// <summary>Dense counts over the bins of one book's resting window.</summary>
public sealed class RestingLevelWindow
{
    private readonly long _binTicks;
    private readonly long _first;
    private readonly long[,] _counts;

    internal RestingLevelWindow(int book, long binTicks, long first, long last)
    {
        Book = book;
        _binTicks = binTicks;
        _first = first;
        _counts = new long[Math.Max(0, last - first + 1), 4];
    }

    public int Book { get; }

    /// <summary>A stop-loss armed at <paramref name="stopTicks"/> for <paramref name="lots"/>; ignored outside the window.</summary>
    public void Stop(long stopTicks, long lots) => Add(stopTicks, 0, lots);

    /// <summary>A position of <paramref name="lots"/> liquidated at <paramref name="priceTicks"/>; ignored outside the window.</summary>
    public void Liquidation(long priceTicks, long lots) => Add(priceTicks, 2, lots);

    internal IEnumerable<(long Bin, long[] Counts)> Levels()
    {
        for (var i = 0; i < _counts.GetLength(0); i++)
        {
            if (_counts[i, 0] + _counts[i, 2] > 0)
            {
                yield return (_first + i, [_counts[i, 0], _counts[i, 1], _counts[i, 2], _counts[i, 3]]);
            }
        }
    }

    private void Add(long priceTicks, int kind, long lots)
    {
        if (priceTicks <= 0 || lots <= 0)
        {
            return;
        }

        var index = PriceGrid.BinOf(priceTicks, _binTicks) - _first;
        if (index < 0 || index >= _counts.GetLength(0))
        {
            return;
        }

        _counts[index, kind]++;
        _counts[index, kind + 1] += lots;
    }
}
