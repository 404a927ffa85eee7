using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;

namespace MarketSim.Engine.Venues;

/// <summary>Running statistics of one book over the current tick and round.</summary>
internal sealed partial class BookTally(long triggerBinTicks) : Checkpoints.ICheckpointable
{
    // Forced orders by the bin of the level that triggered them, and forced fills by the bin of their price.
    private readonly SortedDictionary<long, TriggerCounts> _triggers = [];

    private readonly long[] _bought = new long[ParticipantClasses.Count];
    private readonly long[] _sold = new long[ParticipantClasses.Count];
    private readonly long[] _boughtNotional = new long[ParticipantClasses.Count];
    private readonly long[] _soldNotional = new long[ParticipantClasses.Count];

    public long Open, High, Low, Close, Volume, Notional, Trades;
    public long RoundLow, RoundHigh, RoundTrades;
    public long StopOrders, StopVolume, StopNotional;
    public long MarginLiquidations, MarginVolume, MarginNotional;
    public long InsurancePayout;

    // What a peer simulator counts, where the venue sees it: orders that reached the book, resting orders
    // removed by a cancel, stops that fired, and the signed lots of the aggressive side of each trade.
    public long Orders, Cancels, StopTriggers, TakerNet;

    /// <summary>
    /// The last two-sided mid, in half ticks (bid + ask), carried across ticks so that a tick with an empty side
    /// reports the mid it last had; 0 while the book has never had both sides.
    /// </summary>
    public long LastMidHalfTicks;

    public void StartTick(long lastPrice)
    {
        Open = High = Low = Close = lastPrice;
        Volume = Notional = Trades = 0;
        StopOrders = StopVolume = StopNotional = 0;
        MarginLiquidations = MarginVolume = MarginNotional = 0;
        InsurancePayout = 0;
        Orders = Cancels = StopTriggers = TakerNet = 0;
        _triggers.Clear();
        Array.Clear(_bought);
        Array.Clear(_sold);
        Array.Clear(_boughtNotional);
        Array.Clear(_soldNotional);
    }

    /// <summary>
    /// The mid at the tick's close, in half ticks: (bid + ask) when both sides quote, else the last such mid,
    /// else twice <see cref="Close"/> (a book that never had both sides).
    /// </summary>
    public long CloseMidHalfTicks(long bestBid, long bestAsk)
    {
        if (BookQuote.QuoteMidHalfTicks(bestBid, bestAsk) is { } half)
        {
            LastMidHalfTicks = half;
        }

        return LastMidHalfTicks > 0 ? LastMidHalfTicks : 2 * Close;
    }

    public void StartRound() => RoundLow = RoundHigh = RoundTrades = 0;

    public void Trade(long price, long quantity, long notional, ParticipantClass buyer, ParticipantClass seller)
    {
        if (Trades == 0)
        {
            Open = High = Low = price;
        }

        High = Math.Max(High, price);
        Low = Math.Min(Low, price);
        Close = price;
        Volume += quantity;
        Notional += notional;
        Trades++;
        RoundLow = RoundTrades == 0 ? price : Math.Min(RoundLow, price);
        RoundHigh = Math.Max(RoundHigh, price);
        RoundTrades++;
        _bought[(int)buyer] += quantity;
        _boughtNotional[(int)buyer] += notional;
        _sold[(int)seller] += quantity;
        _soldNotional[(int)seller] += notional;
    }

    /// <summary>A forced order reached the book: a stop-loss (<paramref name="stop"/>) or a margin liquidation set off at <paramref name="levelTicks"/>.</summary>
    public void Triggered(long levelTicks, bool stop, long quantity)
    {
        var counts = Counts(levelTicks);
        if (stop)
        {
            counts.StopOrders++;
            counts.StopLots += quantity;
        }
        else
        {
            counts.MarginOrders++;
            counts.MarginLots += quantity;
        }
    }

    /// <summary>A forced order filled <paramref name="quantity"/> at <paramref name="priceTicks"/>.</summary>
    public void ForcedFill(long priceTicks, bool stop, long quantity)
    {
        var counts = Counts(priceTicks);
        if (stop)
        {
            counts.StopFilled += quantity;
        }
        else
        {
            counts.MarginFilled += quantity;
        }
    }

    /// <summary>The tick's trigger levels, by ascending bin; none when nothing was forced.</summary>
    public IEnumerable<TriggerLevel> TriggerLevels(int book) =>
        _triggers.Select(t => new TriggerLevel(book, t.Key * triggerBinTicks, t.Value.StopOrders, t.Value.StopLots, t.Value.MarginOrders, t.Value.MarginLots, t.Value.StopFilled, t.Value.MarginFilled)).ToArray();

    private TriggerCounts Counts(long priceTicks)
    {
        var bin = PriceGrid.BinOf(priceTicks, triggerBinTicks);
        if (!_triggers.TryGetValue(bin, out var counts))
        {
            counts = new TriggerCounts();
            _triggers.Add(bin, counts);
        }

        return counts;
    }

    public IEnumerable<ClassFlow> Flows(int book)
    {
        for (var c = 0; c < ParticipantClasses.Count; c++)
        {
            yield return new ClassFlow(book, c, _bought[c], _sold[c], _boughtNotional[c], _soldNotional[c]);
        }
    }
}

internal sealed class TriggerCounts
{
    public long StopOrders, StopLots, MarginOrders, MarginLots, StopFilled, MarginFilled;
}
