using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// A market maker that, once a tick, cancels its quotes and posts a ladder of bids and asks around
/// mid, shifted against its inventory (long inventory lowers both sides to sell down, short raises
/// them). It quotes only what it can pay for and deliver: spot, no borrowing. Its quotes are not
/// refreshed inside a tick, so a cascade eats through them — the depth it sets decides how far
/// a given flow moves the price.
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

    // Cost-basis metrics: the average cost of the inventory, moved by the same fills as _units, and the
    // book's last price after the latest clearing round (the close once the tick is over).
    private PositionCost _inventoryCost;
    private long _lastPrice;

    /// <summary>Ticks of history behind the realized volatility the maker widens with.</summary>
    public const int VolatilityLookback = MarketLayout.MarketMakerVolatilityLookback;

    private const double MaxDistance = 0.5;
    private long _cash;
    private long _units;
    private long _external;

    /// <summary>The inventory skew already in the quotes, as a fraction of the price (positive = shifted down).</summary>
    private double _appliedSkew;

    public MarketMaker(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.MarketMakers[slot.SpecIndex];
        _instrument = layout.Instruments[layout.InstrumentIndex(_spec.Instrument)];
        _layout = layout;
        _venue = layout.VenueIndex(_spec.Venue);
        _book = layout.Book(_venue, _instrument.Index).Index;
        Venues = [_venue];
        _cash = Money.FromCurrency(_spec.Cash);
        _units = _instrument.FloorLots(_spec.Inventory);
        _targetInventory = _units;
        _inventoryCost = PositionCost.At(_units, _instrument.InitialPrice, _instrument.CashPerTickLot);
        _inventoryLimit = _spec.InventoryLimit > 0 ? _instrument.FloorLots(_spec.InventoryLimit) : long.MaxValue;
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }
    public long Cash => _cash;
    public long Units => _units;

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        var flow = snapshot.FlowFor(Slot.Owner);
        _cash += flow;
        _external += flow;
        var orders = router.To(_venue);
        orders.CancelAll(Slot.Owner, 0, _instrument.Index);

        var quote = snapshot.Books[_book];
        var volatility = quote.RealizedVolatility(VolatilityLookback);
        if (_spec.WithdrawVolatility > 0 && volatility > _spec.WithdrawVolatility)
        {
            return; // too dangerous to quote: the book is left to everyone else this tick
        }

        // Spread and level spacing widen with realized volatility (in bps per tick, scaled by 10 bps).
        var widening = 1 + (_spec.VolatilityWidening * volatility * 10_000 / 10);
        var mid = (double)quote.Mid;
        // Inventory skew: at twice the target inventory quotes sit SkewBps below the market, at zero SkewBps
        // above. Mid already carries the skew applied in earlier ticks (trades happened at skewed quotes), so
        // only its change is applied: a lasting imbalance is a price concession once, not a drift every tick.
        var imbalance = _targetInventory > 0 ? (_units - _targetInventory) / (double)_targetInventory : 0;
        var skew = Math.Clamp(imbalance, -1, 1) * _spec.SkewBps / 10_000;
        var center = mid * (1 - (skew - _appliedSkew));
        _appliedSkew = skew;
        var size = Math.Max(1, _instrument.FloorLots(_spec.SizePerLevel));
        var cashLeft = _cash - (_cash / 100); // 1% kept back so maker fees never overdraw
        var unitsLeft = _units;
        for (var level = 0; level < _spec.Levels; level++)
        {
            // However wide it goes, a quote stays within half the price of mid: a ladder is not a lottery ticket.
            var distance = Math.Min(MaxDistance, widening * (_spec.HalfSpreadBps + (level * _spec.LevelStepBps)) / 10_000);
            var bid = Instrument.WholeTicks(center * (1 - distance));
            var ask = Math.Max(bid + 1, (long)Math.Ceiling(center * (1 + distance)));

            var bidLots = _units - _targetInventory >= _inventoryLimit ? 0 : Math.Min(size, cashLeft / (bid * _instrument.CashPerTickLot));
            if (bidLots > 0)
            {
                orders.Add(Slot.Owner, 1 + (2 * level), Side.Buy, OrderType.Limit, OrderOrigin.Quote, TimeInForce.GoodTillCancel, _instrument.Index, bid, bidLots);
                cashLeft -= _instrument.Notional(bid, bidLots);
            }

            var askLots = _targetInventory - _units >= _inventoryLimit ? 0 : Math.Min(size, unitsLeft);
            if (askLots > 0)
            {
                orders.Add(Slot.Owner, 2 + (2 * level), Side.Sell, OrderType.Limit, OrderOrigin.Quote, TimeInForce.GoodTillCancel, _instrument.Index, ask, askLots);
                unitsLeft -= askLots;
            }
        }
    }

    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
        _lastPrice = outcome.Books[_book].Last;
        var batch = fills[0];
        for (var f = 0; f < batch.Count; f++)
        {
            _cash += batch.CashDelta[f];
            _units += batch.SignedQuantity(f);
            _inventoryCost.Fill(batch.SignedQuantity(f), batch.CashDelta[f]);
        }
    }

    public void CloseTick(long tick)
    {
    }

    /// <summary>Its inventory, the starting part valued at the initial price.</summary>
    public void RecordCostBasis(CostBasisRecorder recorder) =>
        _inventoryCost.RecordLong(recorder.For(Slot.Class, _instrument.Index), _lastPrice);

    public Ledger Holdings()
    {
        return Ledger.Held(_cash, _layout, (_venue, _instrument.Index, _units)) with { External = _external };
    }
}
