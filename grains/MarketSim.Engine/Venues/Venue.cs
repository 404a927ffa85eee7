using System.Runtime.InteropServices;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Randomness;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Venues;

/// <summary>
/// A trading venue: an order book per listed instrument, fees, margin accounts and a liquidation
/// engine with an insurance fund. Orders submitted during a phase wait until <see cref="Clear"/>,
/// which sequences them by a key drawn from (seed, tick, round, owner, order) — never by arrival —
/// so the same orders clear the same way whichever host delivered them first.
/// </summary>
public sealed partial class Venue : IExecutionListener, Checkpoints.ICheckpointable
{
    /// <summary>Depth is counted within this fraction of mid.</summary>
    public const double DepthBand = 0.02;

    private readonly MarketLayout _layout;
    private readonly long _seed;
    private readonly OrderBook[] _books;
    private readonly BookTally[] _tallies;
    private readonly int[] _bookOfInstrument;
    private readonly Dictionary<OrderBook, int> _localIndex = [];
    private readonly SortedDictionary<long, MarginAccount> _marginAccounts = [];
    private readonly LiquidationEngine _liquidation;
    private readonly long _takerFee;
    private readonly long _makerFee;
    private readonly List<PendingOrder> _pending = [];
    private readonly Dictionary<int, FillBatchBuilder> _fills = [];
    private long _feeRevenue;
    private long _tick;
    private int _round;

    // This tick's mark-price index per book of the layout (0 or null: margin is checked on the last trade).
    private long[]? _marks;

    public Venue(MarketLayout layout, int index)
    {
        _layout = layout;
        _seed = layout.Scenario.Seed;
        Index = index;
        Spec = layout.Scenario.Venues[index];
        Books = layout.Books.Where(b => b.Venue == index).ToArray();
        _books = new OrderBook[Books.Count];
        _tallies = new BookTally[Books.Count];
        _bookOfInstrument = Enumerable.Repeat(-1, layout.Instruments.Count).ToArray();
        for (var i = 0; i < Books.Count; i++)
        {
            _books[i] = new OrderBook(layout.Instruments[Books[i].Instrument], this, Spec.PriceBandBps / 10_000);
            _tallies[i] = new BookTally(PriceGrid.BinTicks(layout.Instruments[Books[i].Instrument].InitialPrice, layout.Scenario.Metrics.TriggerBinWidth));
            _tallies[i].StartTick(_books[i].LastPrice);
            _bookOfInstrument[Books[i].Instrument] = i;
            _localIndex[_books[i]] = i;
        }

        _takerFee = Money.RatePerMillion(Spec.TakerFeeBps);
        _makerFee = Money.RatePerMillion(Spec.MakerFeeBps);
        _liquidation = new LiquidationEngine(
            (long)Math.Round(Spec.InitialMargin * 1_000_000),
            (long)Math.Round(Spec.MaintenanceMargin * 1_000_000),
            Money.RatePerMillion(Spec.LiquidationFeeBps),
            Money.FromCurrency(Spec.InsuranceFund));

        foreach (var slot in layout.Participants.Where(p => p.Class.TradesOnMargin() && p.Venue == index))
        {
            _marginAccounts.Add(slot.Owner, new MarginAccount(slot.Owner, slot.Endpoint, slot.Instrument, Money.FromCurrency(slot.MarginCapital)));
        }
    }

    public int Index { get; }
    public VenueSpec Spec { get; }

    /// <summary>The books this venue runs, in layout order.</summary>
    public IReadOnlyList<BookRef> Books { get; }

    public LiquidationEngine Liquidation => _liquidation;


    public MarginAccount? MarginAccountOf(long owner) => _marginAccounts.GetValueOrDefault(owner);

    /// <summary>Queues a batch of orders for the next <see cref="Clear"/>.</summary>
    public void Submit(int endpoint, OrderBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var type = (OrderType)batch.Type[i];
            var band = type is OrderType.CancelAll or OrderType.Deposit ? 0 : (OrderOrigin)batch.Origin[i] == OrderOrigin.Quote ? 1 : 2;
            _pending.Add(new PendingOrder(
                band,
                batch.Owner[i],
                batch.ClientSeq[i],
                batch.Instrument[i],
                new IncomingOrder(
                    batch.Owner[i],
                    endpoint,
                    (Side)batch.Side[i],
                    type,
                    (OrderOrigin)batch.Origin[i],
                    (TimeInForce)batch.TimeInForce[i],
                    batch.Price[i],
                    batch.StopPrice[i],
                    batch.Quantity[i])));
        }
    }

    /// <summary>
    /// Runs one clearing round: every queued order in sequence-key order (cancels, then quotes, then
    /// the rest), then the margin check that queues liquidations for the next round.
    /// </summary>
    public ClearReport Clear(long tick, int round, long[]? marks = null)
    {
        _tick = tick;
        _round = round;
        _marks = marks;
        foreach (var tally in _tallies)
        {
            tally.StartRound();
        }

        foreach (var book in _books)
        {
            book.OpenRound();
        }

        var orders = CollectionsMarshal.AsSpan(_pending);
        var keys = new (int Band, ulong Priority, long Owner, int Seq)[orders.Length];
        for (var i = 0; i < orders.Length; i++)
        {
            ref readonly var o = ref orders[i];
            keys[i] = (o.Band, CounterRng.Hash(_seed, tick, round, o.Owner, o.ClientSeq), o.Owner, o.ClientSeq);
        }

        var sorted = orders.ToArray();
        Array.Sort(keys, sorted);
        _pending.Clear();

        foreach (var order in sorted)
        {
            Process(order);
        }

        var queued = CheckMargins();
        var books = new BookRound[_books.Length];
        for (var i = 0; i < _books.Length; i++)
        {
            var t = _tallies[i];
            books[i] = new BookRound(Books[i].Index, t.RoundLow, t.RoundHigh, _books[i].LastPrice, t.RoundTrades);
        }

        return new ClearReport(Index, books, queued, sorted.Length);
    }

    /// <summary>Hands over (and forgets) the fills of <paramref name="endpoint"/> since the last call.</summary>
    public FillBatch TakeFills(int endpoint) => _fills.TryGetValue(endpoint, out var builder) ? builder.Build() : FillBatch.Empty;

    /// <summary>Closes the tick: expires good-for-tick orders, reports bars, flows and holdings.</summary>
    public VenueTickReport CloseTick(long tick)
    {
        // A quote re-posted between rounds that no further round came for belongs to this tick only.
        _pending.RemoveAll(p => p.Order.Origin == OrderOrigin.Quote);
        _marks = null;
        var bars = new BookBar[_books.Length];
        var flows = new List<ClassFlow>();
        var triggers = new List<TriggerLevel>();
        for (var i = 0; i < _books.Length; i++)
        {
            var book = _books[i];
            book.ExpireGoodForTick();
            var t = _tallies[i];
            var bid = book.BestBid;
            var ask = book.BestAsk;
            var mid = BookQuote.MidOf(bid, ask, book.LastPrice);
            var band = (long)(mid * DepthBand);
            bars[i] = new BookBar(
                Books[i].Index, t.Open, t.High, t.Low, t.Close, t.Volume, t.Notional, t.Trades, bid, ask,
                book.Depth(Side.Buy, mid - band, mid), book.Depth(Side.Sell, mid, mid + band),
                t.StopOrders, t.StopVolume, t.StopNotional, t.MarginLiquidations, t.MarginVolume, t.MarginNotional, t.InsurancePayout,
                t.CloseMidHalfTicks(bid, ask), t.Orders, t.Cancels, t.StopTriggers, t.TakerNet);
            flows.AddRange(t.Flows(Books[i].Index));
            triggers.AddRange(t.TriggerLevels(Books[i].Index));
            t.StartTick(book.LastPrice);
        }

        var margin = _marginAccounts.Values.Select(a => new MarginView(Index, a.Owner, a.Instrument, a.Cash, a.Units)).ToArray();
        return new VenueTickReport(Index, bars, flows, margin, _liquidation.InsuranceFund, Holdings()) { Triggers = triggers, RestingLevels = RestingLiquidations() };
    }

    /// <summary>The liquidation prices of the margin accounts with a position, near their book's close.</summary>
    private IReadOnlyList<RestingLevel> RestingLiquidations()
    {
        var recorder = new RestingLevelRecorder(_layout);
        if (!recorder.IsOn || _marginAccounts.Count == 0)
        {
            return [];
        }

        var windows = _books.Select((book, i) => recorder.Open(Books[i].Index, book.LastPrice)).ToArray();
        foreach (var account in _marginAccounts.Values.Where(a => a.Units != 0))
        {
            var local = _bookOfInstrument[account.Instrument];
            windows[local].Liquidation(_liquidation.LiquidationPrice(account, _books[local].Instrument), Math.Abs(account.Units));
        }

        foreach (var window in windows)
        {
            recorder.Flush(window);
        }

        return recorder.Build();
    }

    /// <summary>Cash and units the venue itself holds: fees, the insurance fund and margin accounts.</summary>
    public Ledger Holdings()
    {
        var cash = _feeRevenue + _liquidation.InsuranceFund + _marginAccounts.Values.Sum(a => a.Cash);
        var positions = _marginAccounts.Values.Select(a => (Index, a.Instrument, a.Units)).ToArray();
        return Ledger.Held(cash, _layout, positions);
    }

    void IExecutionListener.OnExecution(OrderBook book, in Execution e)
    {
        var local = _localIndex[book];
        var instrument = book.Instrument;
        var notional = instrument.Notional(e.Price, e.Quantity);
        var buyerFee = Money.Fee(notional, e.AggressorSide == Side.Buy ? _takerFee : _makerFee);
        var sellerFee = Money.Fee(notional, e.AggressorSide == Side.Sell ? _takerFee : _makerFee);
        _feeRevenue += buyerFee + sellerFee;

        Settle(book, e.Buyer, Side.Buy, e.Price, e.Quantity, -(notional + buyerFee), notional, local);
        Settle(book, e.Seller, Side.Sell, e.Price, e.Quantity, notional - sellerFee, notional, local);
        _tallies[local].Trade(e.Price, e.Quantity, notional, _layout.ClassOf(e.Buyer.Owner), _layout.ClassOf(e.Seller.Owner));
        _tallies[local].TakerNet += e.AggressorSide == Side.Buy ? e.Quantity : -e.Quantity;
    }

    void IExecutionListener.OnStopTriggered(OrderBook book, in IncomingOrder stop)
    {
        var tally = _tallies[_localIndex[book]];
        tally.StopTriggers++;
        if (stop.Origin == OrderOrigin.StopLoss)
        {
            // A stop-loss resting on the book becomes a forced order when it triggers, not when it was placed.
            tally.StopOrders++;
            tally.Triggered(stop.StopPrice, stop: true, stop.Quantity);
        }
    }

    private void Settle(OrderBook book, TradeParty party, Side side, long price, long quantity, long cashDelta, long notional, int local)
    {
        var tally = _tallies[local];
        switch (party.Origin)
        {
            case OrderOrigin.StopLoss:
                tally.StopVolume += quantity;
                tally.StopNotional += notional;
                tally.ForcedFill(price, stop: true, quantity);
                break;
            case OrderOrigin.Liquidation or OrderOrigin.MarginCall:
                tally.MarginVolume += quantity;
                tally.MarginNotional += notional;
                tally.ForcedFill(price, stop: false, quantity);
                break;
        }

        var endpoint = party.Endpoint;
        if (_marginAccounts.TryGetValue(party.Owner, out var account))
        {
            // The venue keeps the books of a margin account; the owner gets the fill as information.
            account.Cash += cashDelta;
            account.Units += side == Side.Buy ? quantity : -quantity;
            if (party.Origin == OrderOrigin.Liquidation)
            {
                var fee = _liquidation.ChargeLiquidationFee(account, notional, account.Equity(price, book.Instrument.CashPerTickLot));
                cashDelta -= fee;
            }

            endpoint = account.Endpoint;
        }

        if (!_fills.TryGetValue(endpoint, out var fills))
        {
            fills = new FillBatchBuilder();
            _fills.Add(endpoint, fills);
        }

        fills.Add(party.Owner, side, book.Instrument.Index, price, quantity, cashDelta, party.Origin);
    }

    private void Process(in PendingOrder pending)
    {
        var local = pending.Instrument >= 0 && pending.Instrument < _bookOfInstrument.Length ? _bookOfInstrument[pending.Instrument] : -1;
        if (local < 0)
        {
            return;
        }

        var order = pending.Order;
        var book = _books[local];
        if (order.Type == OrderType.Deposit)
        {
            if (_marginAccounts.TryGetValue(order.Owner, out var depositor))
            {
                depositor.Cash += order.Quantity;
            }

            return;
        }

        var tally = _tallies[local];
        if (order.Type == OrderType.CancelAll)
        {
            tally.Cancels += book.CancelAll(order.Owner);
            return;
        }

        tally.Orders++;
        if (order.Origin == OrderOrigin.StopLoss && order.Type is not (OrderType.Stop or OrderType.StopLimit))
        {
            // A stop the agent held and fired; a stop resting on the book counts when the book triggers it.
            tally.StopTriggers++;
        }

        var resting = order.Type is OrderType.Stop or OrderType.StopLimit;
        switch (order.Origin)
        {
            case OrderOrigin.StopLoss when !resting:
                _tallies[local].StopOrders++;
                break;
            case OrderOrigin.Liquidation or OrderOrigin.MarginCall:
                _tallies[local].MarginLiquidations++;
                break;
        }

        // A stop-loss that rests on the book is tallied as forced when the book triggers it (OnStopTriggered).
        if (order.Origin is OrderOrigin.Liquidation or OrderOrigin.MarginCall || (order.Origin == OrderOrigin.StopLoss && !resting))
        {
            // A forced order names the level that set it off; a margin call names none: the price it came at.
            _tallies[local].Triggered(order.StopPrice > 0 ? order.StopPrice : book.LastPrice, order.Origin == OrderOrigin.StopLoss, order.Quantity);
        }

        if (order.Origin != OrderOrigin.Liquidation && _marginAccounts.TryGetValue(order.Owner, out var account))
        {
            // An account being liquidated trades only through the liquidation engine.
            if (account.Liquidating)
            {
                return;
            }

            order = order with { Quantity = WithinInitialMargin(account, book, order) };
            if (order.Quantity <= 0)
            {
                return;
            }
        }

        book.Submit(order);
    }

    /// <summary>
    /// The price margin is checked against on a local book: its last trade, or with a mark price the index I, or the
    /// last trade clamped to I (1 ± clampBps) when the venue clamps.
    /// </summary>
    public long MarkPrice(int local)
    {
        var last = _books[local].LastPrice;
        var index = _marks is { } marks ? marks[Books[local].Index] : 0;
        if (index <= 0 || Spec.MarkPrice is not { } spec)
        {
            return last;
        }

        var band = spec.ClampBps / 10_000;
        return band == 0 ? index : Math.Clamp(last, (long)Math.Floor(index * (1 - band)), (long)Math.Ceiling(index * (1 + band)));
    }

    /// <summary>Trims an order so the position it leads to stays within the initial margin.</summary>
    private long WithinInitialMargin(MarginAccount account, OrderBook book, in IncomingOrder order)
    {
        var signed = order.Side == Side.Buy ? order.Quantity : -order.Quantity;
        var after = account.Units + signed;
        if (Math.Abs(after) <= Math.Abs(account.Units) && Math.Sign(after) * Math.Sign(account.Units) >= 0)
        {
            return order.Quantity;
        }

        var reference = order.Type is OrderType.Limit or OrderType.StopLimit ? order.Price : book.LastPrice;
        var max = _liquidation.MaxPosition(account, reference, book.Instrument);
        var room = order.Side == Side.Buy ? max - account.Units : max + account.Units;
        return Math.Clamp(room, 0, order.Quantity);
    }

    /// <summary>Closes accounts below maintenance into the next round; covers closed accounts' deficits.</summary>
    private int CheckMargins()
    {
        var queued = 0;
        foreach (var account in _marginAccounts.Values)
        {
            var local = _bookOfInstrument[account.Instrument];
            var book = _books[local];
            if (account.Units == 0)
            {
                if (account.Liquidating)
                {
                    _tallies[local].InsurancePayout += _liquidation.CoverDeficit(account);
                    account.Liquidating = false;
                }

                continue;
            }

            if (!_liquidation.IsUnderMaintenance(account, MarkPrice(local), book.Instrument))
            {
                account.Liquidating = false; // a partly closed account that is safe again trades normally
                continue;
            }

            account.Liquidating = true;
            _tallies[local].Cancels += book.CancelAll(account.Owner);
            var side = account.Units > 0 ? Side.Sell : Side.Buy;
            _pending.Add(new PendingOrder(
                2,
                account.Owner,
                int.MaxValue - _round,
                account.Instrument,
                new IncomingOrder(account.Owner, account.Endpoint, side, OrderType.Market, OrderOrigin.Liquidation, TimeInForce.GoodForTick, 0, _liquidation.LiquidationPrice(account, book.Instrument), Math.Abs(account.Units))));
            queued++;
        }

        return queued;
    }

    private readonly record struct PendingOrder(int Band, long Owner, int ClientSeq, int Instrument, IncomingOrder Order);
}
