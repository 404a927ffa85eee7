using MarketSim.Engine.Markets;

namespace MarketSim.Engine.Contracts;

/// <summary>
/// Where each instrument's holdings are measured. An asset's cost basis is binned on its own price grid.
/// An ETF's shares count as the underlying they stand for: a holding of s share lots is
/// round(s × underlying lots per share lot) lots of the underlying, bought for what the shares cost, so
/// its average cost reads in the underlying's price (the ETF holders' average cost against BTC, say).
/// Bins are <see cref="Scenarios.MetricsSpec.CostBinWidth"/> of the reporting instrument's initial price
/// (see <see cref="PriceGrid.BinTicks"/>).
/// </summary>
public sealed class CostBasisGrid
{
    private readonly int[] _target;
    private readonly decimal[] _lotsPerLot;
    private readonly long[] _binTicks;

    public CostBasisGrid(MarketLayout layout)
    {
        var instruments = layout.Instruments;
        _target = instruments.Select(i => i.Index).ToArray();
        _lotsPerLot = instruments.Select(_ => 1m).ToArray();
        foreach (var etf in layout.Scenario.Etfs)
        {
            var shares = instruments[layout.InstrumentIndex(etf.Shares)];
            var underlying = instruments[layout.InstrumentIndex(etf.Underlying)];
            _target[shares.Index] = underlying.Index;
            _lotsPerLot[shares.Index] = (decimal)etf.UnitsPerShare * shares.LotSize / underlying.LotSize;
        }

        _binTicks = instruments.Select(i => PriceGrid.BinTicks(i.InitialPrice, layout.Scenario.Metrics.CostBinWidth)).ToArray();
        Instruments = instruments;
    }

    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>The instrument whose price grid holdings of <paramref name="instrument"/> are measured on.</summary>
    public int TargetOf(int instrument) => _target[instrument];

    /// <summary>Whether <paramref name="instrument"/> has a cost-basis distribution of its own (it is not an ETF's shares).</summary>
    public bool Reports(int instrument) => _target[instrument] == instrument;

    /// <summary>Bin width in ticks of <paramref name="instrument"/>'s grid.</summary>
    public long BinTicks(int instrument) => _binTicks[instrument];

    /// <summary>Lots of the target instrument one lot of <paramref name="instrument"/> counts as.</summary>
    public decimal LotsPerLot(int instrument) => _lotsPerLot[instrument];
}

/// <summary>
/// Collects the holdings of one tick into histograms: participants add (lots, cost) per holder, the
/// recorder bins them. One recorder may serve many participants (the direct host) or one (a grain).
/// </summary>
public sealed class CostBasisRecorder(CostBasisGrid grid)
{
    private readonly SortedDictionary<(int Class, int Instrument), CostBasisHistogramBuilder> _builders = [];

    public CostBasisGrid Grid => grid;

    /// <summary>Where holdings of <paramref name="instrument"/> by <paramref name="participantClass"/> go; fetch once, add many.</summary>
    public CostBasisInput For(ParticipantClass participantClass, int instrument)
    {
        var key = ((int)participantClass, grid.TargetOf(instrument));
        if (!_builders.TryGetValue(key, out var builder))
        {
            var target = grid.Instruments[key.Item2];
            builder = new CostBasisHistogramBuilder(key.Item1, target.Index, target.CashPerTickLot * grid.BinTicks(target.Index));
            _builders.Add(key, builder);
        }

        return new CostBasisInput(builder, grid.LotsPerLot(instrument), grid.Instruments[instrument].CashPerTickLot);
    }

    public CostBasisBook Build() =>
        new(_builders.Values.Where(b => b.Holders > 0).Select(b => b.Build()).ToArray());
}

/// <summary>A dense, growing histogram over bins 0..n, for adding many holders quickly.</summary>
public sealed class CostBasisHistogramBuilder
{
    /// <summary>Costs above this many bins land in the last bin; a guard against absurd prices, not a limit in practice.</summary>
    public const long MaxBin = 1 << 20;

    private readonly int _class;
    private readonly int _instrument;
    private readonly long _cashPerBinLot;
    private long[] _holders = new long[64];
    private long[] _lots = new long[64];
    private long[] _cost = new long[64];
    private long[] _underwaterLots = new long[64];

    internal CostBasisHistogramBuilder(int participantClass, int instrument, long cashPerBinLot)
    {
        _class = participantClass;
        _instrument = instrument;
        _cashPerBinLot = cashPerBinLot;
    }

    public long Holders { get; private set; }

    public long Lots { get; private set; }

    public long Cost { get; private set; }

    public long UnderwaterHolders { get; private set; }

    public long UnderwaterLots { get; private set; }

    /// <summary>Adds one holder of <paramref name="lots"/> (of the histogram's instrument) bought for <paramref name="cost"/> cash units.</summary>
    public void Add(long lots, long cost, bool underwater)
    {
        if (lots <= 0)
        {
            return;
        }

        cost = Math.Max(0, cost);
        var bin = (int)Math.Min(MaxBin, cost / lots / _cashPerBinLot);
        if (bin >= _lots.Length)
        {
            var size = Math.Max(bin + 1, _lots.Length * 2);
            Array.Resize(ref _holders, size);
            Array.Resize(ref _lots, size);
            Array.Resize(ref _cost, size);
            Array.Resize(ref _underwaterLots, size);
        }

        _holders[bin]++;
        _lots[bin] += lots;
        _cost[bin] += cost;
        Holders++;
        Lots += lots;
        Cost += cost;
        if (underwater)
        {
            _underwaterLots[bin] += lots;
            UnderwaterHolders++;
            UnderwaterLots += lots;
        }
    }

    public CostBasisHistogram Build()
    {
        List<long> bins = [], holders = [], lots = [], cost = [], underwater = [];
        for (var b = 0; b < _lots.Length; b++)
        {
            if (_holders[b] > 0)
            {
                bins.Add(b);
                holders.Add(_holders[b]);
                lots.Add(_lots[b]);
                cost.Add(_cost[b]);
                underwater.Add(_underwaterLots[b]);
            }
        }

        return new CostBasisHistogram(_class, _instrument, Holders, Lots, Cost, UnderwaterHolders, UnderwaterLots, [.. bins], [.. holders], [.. lots], [.. cost], [.. underwater]);
    }
}

/// <summary>Holdings of one instrument by one class, on their way into the histogram of the instrument they count as.</summary>
public readonly struct CostBasisInput(CostBasisHistogramBuilder builder, decimal lotsPerLot, long cashPerTickLot)
{
    /// <summary>
    /// Adds one holder of <paramref name="lots"/> that cost <paramref name="cost"/> cash units (nothing unless lots
    /// are positive); it is under water when that is more than the lots are worth at <paramref name="closeTicks"/>,
    /// the close of its own book.
    /// </summary>
    public void Add(long lots, long cost, long closeTicks) => Add(lots, cost, IsUnderwater(lots, cost, closeTicks));

    /// <summary>Adds one holder whose under-water test the caller has made.</summary>
    public void Add(long lots, long cost, bool underwater) => builder.Add(TargetLots(lots), cost, underwater);

    /// <summary>Lots of the histogram's instrument that <paramref name="lots"/> count as (ETF shares: the underlying they stand for).</summary>
    public long TargetLots(long lots) => lotsPerLot == 1 ? lots : (long)decimal.Round(lots * lotsPerLot, MidpointRounding.ToEven);

    /// <summary>Whether a holding that cost <paramref name="cost"/> is worth less at <paramref name="closeTicks"/>.</summary>
    public bool IsUnderwater(long lots, long cost, long closeTicks) => cost > (Int128)lots * closeTicks * cashPerTickLot;
}
