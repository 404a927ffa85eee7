using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Simulation;

/// <summary>
/// Drives one tick through its phases — snapshot, decide, clear, settle, further cascade rounds
/// until quiet or the cap, close, record — over whatever host the <see cref="IMarketFabric"/>
/// is. It holds only small state: the next tick, the snapshot and the opening totals that
/// conservation is checked against.
/// </summary>
public sealed partial class TickCycle : Checkpoints.ICheckpointable
{
    private readonly MarketLayout _layout;
    private readonly IMarketFabric _fabric;
    private readonly EventTimeline _events;
    private readonly Metrics.VolatilityIndex[] _volatility;
    private readonly Metrics.CostBasis.CostBasisReport _costBasis;
    private readonly MarkPriceIndex _marks;
    private Ledger? _opening;

    public TickCycle(MarketLayout layout, IMarketFabric fabric)
    {
        _layout = layout;
        _fabric = fabric;
        _events = new EventTimeline(layout);
        _costBasis = new Metrics.CostBasis.CostBasisReport(layout);
        _marks = new MarkPriceIndex(layout);
        _volatility = layout.Books.Select(b => new Metrics.VolatilityIndex(252.0 * layout.Scenario.TicksPerDay)).ToArray();
        foreach (var book in layout.Books)
        {
            _volatility[book.Index].Add(layout.Instruments[book.Instrument].Price(layout.Instruments[book.Instrument].InitialPrice));
        }

        Snapshot = WithEvents(new MarketSnapshot(
            0,
            layout.Books.Select(b =>
            {
                var price = layout.Instruments[b.Instrument].InitialPrice;
                return new BookQuote(b.Index, price, 0, 0, PriorCloses(layout.Instruments[b.Instrument], layout.HistoryLength));
            }).ToArray(),
            []));
    }

    /// <summary>The tick the next call to <see cref="RunTickAsync"/> will run.</summary>
    public long NextTick => Snapshot.Tick;

    /// <summary>What participants will see at the start of the next tick.</summary>
    public MarketSnapshot Snapshot { get; private set; }

    /// <summary>Runs one tick and returns its rows for the trace.</summary>
    public async ValueTask<TickRecord> RunTickAsync(CancellationToken cancellationToken = default)
    {
        _opening ??= await _fabric.HoldingsAsync(cancellationToken);
        var tick = Snapshot.Tick;
        var marks = _marks.Next(Snapshot);

        var lap = TickPhaseMeter.Now();
        await _fabric.DecideAsync(Snapshot, cancellationToken);
        lap = TickPhaseMeter.Record("decide", lap);
        var rounds = 0;
        while (true)
        {
            var final = rounds + 1 >= _layout.Scenario.Cascade.MaxRounds;
            var outcome = await _fabric.ClearAsync(tick, rounds, final, marks, cancellationToken);
            lap = TickPhaseMeter.Record(rounds == 0 ? "clear" : "cascade clear", lap);
            var forced = await _fabric.SettleAsync(tick, outcome, cancellationToken);
            lap = TickPhaseMeter.Record(rounds == 0 ? "settle" : "cascade settle", lap);
            rounds++;
            if (final || (forced == 0 && outcome.LiquidationsQueued == 0))
            {
                break;
            }
        }

        var venues = await _fabric.CloseVenuesAsync(tick, cancellationToken);
        lap = TickPhaseMeter.Record("close venues", lap);
        var participants = await _fabric.CloseParticipantsAsync(tick, cancellationToken);
        lap = TickPhaseMeter.Record("close participants", lap);
        var holdings = Ledger.Sum(_layout.Instruments.Count, venues.Select(v => v.Holdings).Append(participants.Holdings));
        Snapshot = NextSnapshot(tick, venues);
        foreach (var bar in venues.SelectMany(v => v.Bars))
        {
            _volatility[bar.Book].Add(_layout.Instruments[_layout.Books[bar.Book].Instrument].Price(bar.Close));
        }

        var expectedUnits = _opening.Units.Zip(holdings.Issued, (opening, issued) => opening + issued).ToArray();
        var record = TickRecorder.Record(_layout, tick, rounds, venues, holdings, participants, _volatility, new ConservationCheck(_opening.Cash + holdings.External, holdings.Cash, expectedUnits, holdings.Units), _costBasis);
        TickPhaseMeter.Record("record", lap);
        return record;
    }

    private MarketSnapshot NextSnapshot(long tick, IReadOnlyList<VenueTickReport> venues)
    {
        var books = new BookQuote[_layout.Books.Count];
        foreach (var bar in venues.SelectMany(v => v.Bars))
        {
            var previous = Snapshot.Books[bar.Book].Closes;
            var closes = new long[previous.Length];
            Array.Copy(previous, 1, closes, 0, previous.Length - 1);
            closes[^1] = bar.Close;
            books[bar.Book] = new BookQuote(bar.Book, bar.Close, bar.BestBid, bar.BestAsk, closes);
        }

        var margin = venues.SelectMany(v => v.MarginAccounts).OrderBy(m => m.Venue).ThenBy(m => m.Owner).ToArray();
        return WithEvents(new MarketSnapshot(tick + 1, books, margin));
    }

    /// <summary>The closes participants see at tick 0: flat at the opening price, or the instrument's prior trend up to it.</summary>
    private static long[] PriorCloses(Instrument instrument, int length) =>
        [.. Enumerable.Range(0, length).Select(i => instrument.PriorPrice(i / (double)(length - 1)))];

    private MarketSnapshot WithEvents(MarketSnapshot snapshot) =>
        snapshot with { Sentiment = _events.Sentiment(snapshot.Tick), Flows = _events.FlowsAt(snapshot.Tick) };
}
