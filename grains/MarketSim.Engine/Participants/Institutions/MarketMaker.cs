using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// A market maker that, once a tick, cancels its quotes and posts a ladder of bids and asks around
/// mid, shifted against its inventory (long inventory lowers both sides to sell down, short raises
/// them). It quotes only what it can pay for and deliver: spot, no borrowing. Unless it re-quotes
/// between cascade rounds (RequoteDelayRounds) a cascade eats through its quotes, and unless its depth
/// refills at a rate (DepthResilience) it posts the whole ladder again each tick — the depth it sets
/// decides how far a given flow moves the price.
/// </summary>
public sealed partial class MarketMaker : IParticipant
{
    private readonly MarketMakerSpec _spec;
    private readonly Instrument _instrument;
    private readonly MarketLayout _layout;
    private readonly int _venue;
    private readonly int _book;
    private readonly long _targetInventory;
    private readonly long _inventoryLimit;

    // Its cash and inventory, with the inventory's average cost for the cost-basis metrics.
    private readonly SpotAccount _account;

    /// <summary>Ticks of history behind the realized volatility the maker widens with.</summary>
    public const int VolatilityLookback = MarketLayout.MarketMakerVolatilityLookback;

    private const double MaxDistance = 0.5;

    /// <summary>The inventory skew already in the quotes, as a fraction of the price (positive = shifted down).</summary>
    private double _appliedSkew;

    // Transient impact (used only when PermanentImpact < 1): the centre the quotes were last set around, split into
    // the price the maker keeps (news) and a transient deviation from it that decays; all in ticks, 0 before the first quote.
    private readonly TransientImpact _impact;

    // Depth its quotes lost to trades and not yet refilled (DepthResilience), carried from tick to tick.
    private readonly DepthRecovery _depth;

    // This tick's ladder: what is left of it, when it went up, whether it was hit since (reset at the close).
    private QuoteLadder _ladder;

    public MarketMaker(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.MarketMakers[slot.SpecIndex];
        _instrument = layout.Instruments[layout.InstrumentIndex(_spec.Instrument)];
        _layout = layout;
        _venue = layout.VenueIndex(_spec.Venue);
        _book = layout.Book(_venue, _instrument.Index).Index;
        Venues = [_venue];
        _account = new SpotAccount(Money.FromCurrency(_spec.Cash), _instrument.FloorLots(_spec.Inventory), _instrument);
        _targetInventory = _account.Units;
        _inventoryLimit = _spec.InventoryLimit > 0 ? _instrument.FloorLots(_spec.InventoryLimit) : long.MaxValue;
        _impact = new TransientImpact(_spec.PermanentImpact, _spec.Resilience);
        _depth = new DepthRecovery(_spec.DepthResilience);
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }
    public long Cash => _account.Cash;
    public long Units => _account.Units;

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        _account.ReceiveFlow(snapshot, Slot.Owner);
        var orders = router.To(_venue);
        orders.CancelAll(Slot.Owner, 0, _instrument.Index);

        var quote = snapshot.Books[_book];
        var volatility = quote.RealizedVolatility(VolatilityLookback);
        if (_spec.WithdrawVolatility > 0 && volatility > _spec.WithdrawVolatility)
        {
            return; // too dangerous to quote: the book is left to everyone else this tick
        }

        // Spread and level spacing widen with realized volatility (in bps per tick, scaled by 10 bps).
        _ladder.Widening = 1 + (_spec.VolatilityWidening * volatility * 10_000 / 10);
        // With all impact permanent the quotes re-centre on mid; otherwise on the kept price plus what is left of the transient part.
        // Both on the exact midpoint, not the whole-tick Mid: a centre rounded to a tick every tick is a drift.
        var mid = _spec.PermanentImpact < 1 ? _impact.Centre(quote.ExactMid) : quote.ExactMid;
        var (bidSize, askSize) = _depth.LevelSizes(FullLevelSize, _spec.Levels);
        Post(orders, mid, bidSize, askSize, round: 0);
    }

    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
        _account.MarkLast(outcome.Books[_book].Last);
        var batch = fills[0];
        for (var f = 0; f < batch.Count; f++)
        {
            var signed = batch.SignedQuantity(f);
            _account.Fill(signed, batch.CashDelta[f]);
            _depth.Consume(signed);
            _ladder.Hit(signed);
        }

        // Re-quote between cascade rounds: once hit, and the delay since the ladder went up has passed, what is left
        // of the ladder moves to the round's last trade for the next round (never after the final one: the order
        // would outlive the tick). The re-quote does not keep a cascade going by itself (OrderRouter.Deliver).
        var next = outcome.Round + 1;
        if (_spec.RequoteDelayRounds > 0 && !outcome.Final && _ladder.WasHit && next - _ladder.PostedRound >= _spec.RequoteDelayRounds)
        {
            var orders = router.To(_venue);
            orders.CancelAll(Slot.Owner, 0, _instrument.Index, OrderOrigin.Quote);
            var (bidSize, askSize) = _ladder.RemainingLevelSizes(_spec.Levels);
            Post(orders, outcome.Books[_book].Last, bidSize, askSize, next);
        }
    }

    public void CloseTick(long tick)
    {
        _depth.CloseTick(FullLevelSize, _spec.Levels);
        _ladder = default;
    }

    /// <summary>Its inventory, the starting part valued at the initial price.</summary>
    public void RecordCostBasis(CostBasisRecorder recorder) =>
        _account.RecordCostBasis(recorder.For(Slot.Class, _instrument.Index));

    public Ledger Holdings()
    {
        return Ledger.Held(Cash, _layout, (_venue, _instrument.Index, Units)) with { External = _account.External };
    }

    private long FullLevelSize => Math.Max(1, _instrument.FloorLots(_spec.SizePerLevel));

    /// <summary>Posts the ladder around <paramref name="mid"/>, skewed against inventory, with the given lots a level a side.</summary>
    private void Post(OrderBatchBuilder orders, double mid, long bidSize, long askSize, int round)
    {
        // Inventory skew: at twice the target inventory quotes sit SkewBps below the market, at zero SkewBps
        // above. Mid already carries the skew applied in earlier ticks (trades happened at skewed quotes), so
        // only its change is applied: a lasting imbalance is a price concession once, not a drift every tick.
        var imbalance = _targetInventory > 0 ? (Units - _targetInventory) / (double)_targetInventory : 0;
        var skew = Math.Clamp(imbalance, -1, 1) * _spec.SkewBps / 10_000;
        var center = mid * (1 - (skew - _appliedSkew));
        _appliedSkew = skew;
        var cashLeft = Cash - (Cash / 100); // 1% kept back so maker fees never overdraw
        var unitsLeft = Units;
        long bids = 0, asks = 0;
        for (var level = 0; level < _spec.Levels; level++)
        {
            // However wide it goes, a quote stays within half the price of mid: a ladder is not a lottery ticket.
            var distance = Math.Min(MaxDistance, _ladder.Widening * (_spec.HalfSpreadBps + (level * _spec.LevelStepBps)) / 10_000);
            var bid = Instrument.WholeTicks(center * (1 - distance));
            var ask = Math.Max(bid + 1, (long)Math.Ceiling(center * (1 + distance)));

            var bidLots = Units - _targetInventory >= _inventoryLimit ? 0 : Math.Min(bidSize, cashLeft / (bid * _instrument.CashPerTickLot));
            if (bidLots > 0)
            {
                orders.Add(Slot.Owner, 1 + (2 * level), Side.Buy, OrderType.Limit, OrderOrigin.Quote, TimeInForce.GoodTillCancel, _instrument.Index, bid, bidLots);
                cashLeft -= _instrument.Notional(bid, bidLots);
                bids += bidLots;
            }

            var askLots = _targetInventory - Units >= _inventoryLimit ? 0 : Math.Min(askSize, unitsLeft);
            if (askLots > 0)
            {
                orders.Add(Slot.Owner, 2 + (2 * level), Side.Sell, OrderType.Limit, OrderOrigin.Quote, TimeInForce.GoodTillCancel, _instrument.Index, ask, askLots);
                unitsLeft -= askLots;
                asks += askLots;
            }
        }

        _ladder = _ladder with { PostedRound = round, BidLots = bids, AskLots = asks, WasHit = false };
    }
}
