using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;

namespace MarketSim.Engine.Venues;

/// <summary>
/// A continuous limit order book for one instrument on one venue, with price-time priority:
/// better prices first, then earlier arrival at a price. Supports limit, market, stop and
/// stop-limit orders and cancels. Trades print at the resting order's price. Stops trigger on the
/// last trade price and run after the order that moved it, highest sell stop (lowest buy stop)
/// first, so a falling price sets off stops in the order a real book would reach them.
/// Resting orders live in a slot pool with intrusive FIFO lists per level and per owner, so
/// matching does not allocate.
/// </summary>
public sealed partial class OrderBook : Checkpoints.ICheckpointable
{
    private readonly IExecutionListener _listener;
    private readonly SortedSet<long> _bidPrices = [];
    private readonly SortedSet<long> _askPrices = [];
    private readonly Dictionary<long, PriceLevel> _bidLevels = [];
    private readonly Dictionary<long, PriceLevel> _askLevels = [];
    private readonly Dictionary<long, int> _ownerHead = [];
    private readonly SortedSet<StopKey> _sellStops = new(StopKey.SellFirst);
    private readonly SortedSet<StopKey> _buyStops = new(StopKey.BuyFirst);
    private readonly Dictionary<long, IncomingOrder> _stops = [];

    // Each owner's waiting stops, so a cancel finds them without scanning every stop of the book (a retail venue
    // holds one resting stop per stop-keeper, and each re-arms with a cancel).
    private readonly Dictionary<long, List<long>> _stopsOf = [];
    private readonly List<(int Slot, int Generation)> _goodForTick = [];
    private Slot[] _slots = new Slot[256];
    private int _freeHead = -1;
    private int _used;
    private long _sequence;

    private readonly double _band;
    private long _floor;
    private long _ceiling = long.MaxValue;

    /// <param name="instrument">What the book trades.</param>
    /// <param name="listener">Told of every execution.</param>
    /// <param name="priceBand">How far (a fraction) a market order may trade from the round's opening price; 0 = any distance.</param>
    public OrderBook(Instrument instrument, IExecutionListener listener, double priceBand = 0)
    {
        Instrument = instrument;
        _listener = listener;
        _band = priceBand;
        LastPrice = instrument.InitialPrice;
    }

    /// <summary>A clearing round begins: market orders may trade within the band around the last price until the next.</summary>
    public void OpenRound()
    {
        if (_band > 0)
        {
            _floor = (long)Math.Ceiling(LastPrice * (1 - _band));
            _ceiling = (long)Math.Floor(LastPrice * (1 + _band));
        }
    }

    public Instrument Instrument { get; }

    /// <summary>Price of the last trade in ticks (the opening price before the first).</summary>
    public long LastPrice { get; private set; }

    /// <summary>Best bid in ticks, or 0 when there is none.</summary>
    public long BestBid => _bidPrices.Count > 0 ? _bidPrices.Max : 0;

    /// <summary>Best ask in ticks, or 0 when there is none.</summary>
    public long BestAsk => _askPrices.Count > 0 ? _askPrices.Min : 0;

    /// <summary>Number of resting limit orders.</summary>
    public int RestingOrders { get; private set; }

    /// <summary>Number of stop orders waiting for their trigger.</summary>
    public int PendingStops => _stops.Count;

    /// <summary>Lots resting on <paramref name="side"/> at prices in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public long Depth(Side side, long low, long high)
    {
        if (low > high)
        {
            return 0;
        }

        var (prices, levels) = side == Side.Buy ? (_bidPrices, _bidLevels) : (_askPrices, _askLevels);
        long total = 0;
        foreach (var price in prices.GetViewBetween(low, high))
        {
            total += levels[price].Quantity;
        }

        return total;
    }

    /// <summary>Lots resting at exactly <paramref name="price"/> on <paramref name="side"/>.</summary>
    public long QuantityAt(Side side, long price) =>
        (side == Side.Buy ? _bidLevels : _askLevels).TryGetValue(price, out var level) ? level.Quantity : 0;

    /// <summary>Processes one order, then any stops its trades set off.</summary>
    public void Submit(in IncomingOrder order)
    {
        if (order.Quantity <= 0 && order.Type != OrderType.CancelAll)
        {
            return;
        }

        switch (order.Type)
        {
            case OrderType.CancelAll:
                CancelAll(order.Owner);
                return;
            case OrderType.Stop or OrderType.StopLimit when !IsTriggered(order.Side, order.StopPrice):
                var key = new StopKey(order.StopPrice, ++_sequence);
                (order.Side == Side.Sell ? _sellStops : _buyStops).Add(key);
                AddStop(key.Sequence, order);
                return;
            case OrderType.Stop or OrderType.StopLimit:
                _listener.OnStopTriggered(this, order);
                Execute(Triggered(order));
                break;
            default:
                Execute(order);
                break;
        }

        RunTriggeredStops();
    }

    /// <summary>Removes every resting order and stop of <paramref name="owner"/>; returns how many it removed.</summary>
    public int CancelAll(long owner)
    {
        var removed = 0;
        while (_ownerHead.TryGetValue(owner, out var slot))
        {
            Remove(slot);
            removed++;
        }

        if (!_stopsOf.Remove(owner, out var sequences))
        {
            return removed;
        }

        foreach (var sequence in sequences)
        {
            _stops.Remove(sequence, out var stop);
            (stop.Side == Side.Sell ? _sellStops : _buyStops).Remove(new StopKey(stop.StopPrice, sequence));
            removed++;
        }

        return removed;
    }

    private void AddStop(long sequence, in IncomingOrder stop)
    {
        _stops.Add(sequence, stop);
        if (!_stopsOf.TryGetValue(stop.Owner, out var sequences))
        {
            _stopsOf.Add(stop.Owner, sequences = []);
        }

        sequences.Add(sequence);
    }

    /// <summary>Removes the resting orders that were good for this tick only.</summary>
    public void ExpireGoodForTick()
    {
        foreach (var (slot, generation) in _goodForTick)
        {
            if (_slots[slot].Live && _slots[slot].Generation == generation)
            {
                Remove(slot);
            }
        }

        _goodForTick.Clear();
    }

    private bool IsTriggered(Side side, long stopPrice) => side == Side.Sell ? LastPrice <= stopPrice : LastPrice >= stopPrice;

    private static IncomingOrder Triggered(in IncomingOrder stop) =>
        stop with { Type = stop.Type == OrderType.Stop ? OrderType.Market : OrderType.Limit };

    private void RunTriggeredStops()
    {
        while (true)
        {
            if (_sellStops.Count > 0 && _sellStops.Max.Price >= LastPrice)
            {
                Fire(_sellStops, _sellStops.Max);
            }
            else if (_buyStops.Count > 0 && _buyStops.Min.Price <= LastPrice)
            {
                Fire(_buyStops, _buyStops.Min);
            }
            else
            {
                return;
            }
        }
    }

    private void Fire(SortedSet<StopKey> set, StopKey key)
    {
        set.Remove(key);
        _stops.Remove(key.Sequence, out var stop);
        var sequences = _stopsOf[stop.Owner];
        sequences.Remove(key.Sequence);
        if (sequences.Count == 0)
        {
            _stopsOf.Remove(stop.Owner); // an owner without stops has no entry, as after a restore
        }

        _listener.OnStopTriggered(this, stop);
        Execute(Triggered(stop));
    }

    private void Execute(in IncomingOrder order)
    {
        var remaining = order.Quantity;
        var isBuy = order.Side == Side.Buy;
        var (prices, levels) = isBuy ? (_askPrices, _askLevels) : (_bidPrices, _bidLevels);
        var taker = new TradeParty(order.Owner, order.Endpoint, order.Origin);

        while (remaining > 0 && prices.Count > 0)
        {
            var best = isBuy ? prices.Min : prices.Max;
            if (order.Type == OrderType.Limit ? (isBuy ? best > order.Price : best < order.Price) : (isBuy ? best > _ceiling : best < _floor))
            {
                break; // a limit reached its price, or a market order the price band: the rest is not filled this round
            }

            var level = levels[best];
            while (remaining > 0 && level.Head >= 0)
            {
                var slot = level.Head;
                ref var resting = ref _slots[slot];
                var quantity = Math.Min(remaining, resting.Remaining);
                var maker = new TradeParty(resting.Owner, resting.Endpoint, resting.Origin);
                remaining -= quantity;
                resting.Remaining -= quantity;
                level.Quantity -= quantity;
                LastPrice = best;
                var execution = isBuy
                    ? new Execution(best, quantity, Side.Buy, taker, maker)
                    : new Execution(best, quantity, Side.Sell, maker, taker);
                if (resting.Remaining == 0)
                {
                    Remove(slot);
                }

                _listener.OnExecution(this, execution);
            }
        }

        if (remaining > 0 && order.Type == OrderType.Limit)
        {
            Rest(order, remaining);
        }
    }

    private void Rest(in IncomingOrder order, long quantity)
    {
        var slot = Allocate();
        ref var s = ref _slots[slot];
        s.Owner = order.Owner;
        s.Endpoint = order.Endpoint;
        s.Origin = order.Origin;
        s.Side = order.Side;
        s.Price = order.Price;
        s.Remaining = quantity;
        s.Live = true;
        s.Generation++;

        var (prices, levels) = order.Side == Side.Buy ? (_bidPrices, _bidLevels) : (_askPrices, _askLevels);
        if (!levels.TryGetValue(order.Price, out var level))
        {
            level = new PriceLevel();
            levels.Add(order.Price, level);
            prices.Add(order.Price);
        }

        s.Prev = level.Tail;
        s.Next = -1;
        if (level.Tail >= 0)
        {
            _slots[level.Tail].Next = slot;
        }
        else
        {
            level.Head = slot;
        }

        level.Tail = slot;
        level.Quantity += quantity;

        s.OwnerPrev = -1;
        s.OwnerNext = _ownerHead.TryGetValue(order.Owner, out var head) ? head : -1;
        if (s.OwnerNext >= 0)
        {
            _slots[s.OwnerNext].OwnerPrev = slot;
        }

        _ownerHead[order.Owner] = slot;
        if (order.TimeInForce == TimeInForce.GoodForTick)
        {
            _goodForTick.Add((slot, s.Generation));
        }

        RestingOrders++;
    }

    private void Remove(int slot)
    {
        ref var s = ref _slots[slot];
        var (prices, levels) = s.Side == Side.Buy ? (_bidPrices, _bidLevels) : (_askPrices, _askLevels);
        var level = levels[s.Price];
        level.Quantity -= s.Remaining;
        if (s.Prev >= 0)
        {
            _slots[s.Prev].Next = s.Next;
        }
        else
        {
            level.Head = s.Next;
        }

        if (s.Next >= 0)
        {
            _slots[s.Next].Prev = s.Prev;
        }
        else
        {
            level.Tail = s.Prev;
        }

        if (level.Head < 0)
        {
            levels.Remove(s.Price);
            prices.Remove(s.Price);
        }

        if (s.OwnerPrev >= 0)
        {
            _slots[s.OwnerPrev].OwnerNext = s.OwnerNext;
        }
        else if (s.OwnerNext >= 0)
        {
            _ownerHead[s.Owner] = s.OwnerNext;
        }
        else
        {
            _ownerHead.Remove(s.Owner);
        }

        if (s.OwnerNext >= 0)
        {
            _slots[s.OwnerNext].OwnerPrev = s.OwnerPrev;
        }

        s.Live = false;
        s.Remaining = 0;
        s.Next = _freeHead;
        _freeHead = slot;
        RestingOrders--;
    }

    private int Allocate()
    {
        if (_freeHead >= 0)
        {
            var slot = _freeHead;
            _freeHead = _slots[slot].Next;
            return slot;
        }

        if (_used == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        return _used++;
    }

    private sealed class PriceLevel
    {
        public int Head = -1;
        public int Tail = -1;
        public long Quantity;
    }

    private struct Slot
    {
        public long Owner;
        public int Endpoint;
        public OrderOrigin Origin;
        public Side Side;
        public bool Live;
        public int Generation;
        public long Price;
        public long Remaining;
        public int Next;
        public int Prev;
        public int OwnerNext;
        public int OwnerPrev;
    }

    private readonly record struct StopKey(long Price, long Sequence)
    {
        /// <summary>Max is the highest sell stop, earliest first.</summary>
        public static readonly IComparer<StopKey> SellFirst = Comparer<StopKey>.Create((a, b) =>
            a.Price != b.Price ? a.Price.CompareTo(b.Price) : b.Sequence.CompareTo(a.Sequence));

        /// <summary>Min is the lowest buy stop, earliest first.</summary>
        public static readonly IComparer<StopKey> BuyFirst = Comparer<StopKey>.Create((a, b) =>
            a.Price != b.Price ? a.Price.CompareTo(b.Price) : a.Sequence.CompareTo(b.Sequence));
    }
}
