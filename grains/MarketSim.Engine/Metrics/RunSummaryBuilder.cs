using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Metrics;

/// <summary>Folds tick records into the run's headline numbers as they arrive.</summary>
public sealed class RunSummaryBuilder
{
    private readonly Dictionary<(string Venue, string Instrument), BookState> _books = [];
    private double _stopNotional;
    private double _marginNotional;
    private int _ticks;
    private int _cascadeTicks;
    private int _maxRounds;
    private int _violations;
    private int _resonanceTicks;

    /// <summary>Ticks recorded so far.</summary>
    public int Ticks => _ticks;

    /// <summary>Ticks whose conservation check failed so far.</summary>
    public int ConservationViolations => _violations;

    /// <summary>Stop-triggered plus margin-liquidated notional so far.</summary>
    public double ForcedNotional => _stopNotional + _marginNotional;

    public void Add(TickRecord record)
    {
        _ticks++;
        foreach (var row in record.Market)
        {
            if (!_books.TryGetValue((row.Venue, row.Instrument), out var book))
            {
                book = new BookState(row.Open);
                _books.Add((row.Venue, row.Instrument), book);
            }

            book.Add(row);
        }

        foreach (var row in record.Liquidations)
        {
            _stopNotional += row.StopNotional;
            _marginNotional += row.MarginNotional;
        }

        var rounds = record.Market.Count > 0 ? record.Market.Max(m => m.CascadeRounds) : 1;
        _cascadeTicks += rounds > 1 ? 1 : 0;
        _maxRounds = Math.Max(_maxRounds, rounds);
        _violations += record.Conservation.Holds ? 0 : 1;
        _resonanceTicks += record.Resonance.Any(r => r.Resonance != 0) ? 1 : 0;
    }

    public RunSummary Build(string runId, string traceHash) => new(
        runId,
        _ticks,
        _books.Select(b => new BookSummary(b.Key.Venue, b.Key.Instrument, b.Value.Initial, b.Value.Final, b.Value.MaxDrawdown, b.Value.Volume)).ToArray(),
        _stopNotional,
        _marginNotional,
        _cascadeTicks,
        _maxRounds,
        _violations == 0,
        _violations,
        traceHash)
    {
        ResonanceTicks = _resonanceTicks,
    };

    private sealed class BookState(double initial)
    {
        private double _peak = initial;

        public double Initial { get; } = initial;
        public double Final { get; private set; } = initial;
        public double MaxDrawdown { get; private set; }
        public double Volume { get; private set; }

        public void Add(MarketRow row)
        {
            Final = row.Close;
            Volume += row.Volume;
            _peak = Math.Max(_peak, row.High);
            if (_peak > 0)
            {
                MaxDrawdown = Math.Max(MaxDrawdown, 1 - (row.Low / _peak));
            }
        }
    }
}
