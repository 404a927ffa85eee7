using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// An ETF issuer and its authorized participant. The issuer keeps the underlying that backs the
/// shares in custody (off every venue). The AP keeps the share price near NAV = unitsPerShare × the
/// underlying's last price (its mid with <see cref="EtfSpec.NavOnMid"/>) by quoting shares around it, the threshold either side, and hedges: its
/// underlying trades bring its whole exposure (units plus shares) back to the start, so what
/// investors sell reaches the underlying's market instead of staying in the AP's inventory. When the tick
/// closes it settles with the issuer so its inventory is back at its starting levels: underlying
/// beyond them goes into custody for newly created shares, shares beyond them are redeemed for
/// underlying out of custody. Created less redeemed shares are reported as issued, so the
/// conservation check expects them.
/// </summary>
public sealed partial class EtfIssuer : IParticipant
{
    private readonly EtfSpec _spec;
    private readonly Instrument _shares;
    private readonly Instrument _underlying;
    private readonly MarketLayout _layout;
    private readonly int _shareVenue;
    private readonly int _underlyingVenue;
    private readonly int _shareBook;
    private readonly int _underlyingBook;
    private readonly decimal _underlyingLotsPerShareLot;
    private readonly long _targetShares;
    private readonly long _targetUnits;
    private readonly long _maxCreation;

    /// <summary>The AP's starting underlying plus its starting shares in underlying terms: what its hedge returns to.</summary>
    private readonly long _targetExposure;

    public EtfIssuer(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.Etfs[slot.SpecIndex];
        _shares = layout.Instruments[layout.InstrumentIndex(_spec.Shares)];
        _underlying = layout.Instruments[slot.Instrument];
        _layout = layout;
        _shareVenue = layout.VenueIndex(_spec.ShareVenue);
        _underlyingVenue = slot.Venue;
        _shareBook = layout.Book(_shareVenue, _shares.Index).Index;
        _underlyingBook = layout.Book(_underlyingVenue, _underlying.Index).Index;
        Venues = _shareVenue == _underlyingVenue ? [_underlyingVenue] : [_underlyingVenue, _shareVenue];
        _underlyingLotsPerShareLot = (decimal)_spec.UnitsPerShare * _shares.LotSize / _underlying.LotSize;
        Cash = Money.FromCurrency(_spec.ApCash);
        ApShares = _targetShares = _shares.FloorLots(_spec.ApShares);
        ApUnits = _targetUnits = _underlying.FloorLots(_spec.ApUnits);
        Custody = UnderlyingFor(_shares.FloorLots(_spec.SharesOutstanding) + ApShares);
        _maxCreation = Math.Max(1, _shares.FloorLots(_spec.MaxCreation));
        _targetExposure = _targetUnits + UnderlyingExposure(_targetShares);
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }
    public long Cash { get; private set; }
    public long ApShares { get; private set; }
    public long ApUnits { get; private set; }

    /// <summary>Underlying lots held by the issuer against the shares outstanding.</summary>
    public long Custody { get; private set; }

    /// <summary>Share lots created less redeemed since the start.</summary>
    public long Issued { get; private set; }

    /// <summary>NAV per share lot, in share-price ticks, at an underlying price in its ticks.</summary>
    public double NavTicks(long underlyingTicks) =>
        (double)(_underlyingLotsPerShareLot * underlyingTicks * _underlying.CashPerTickLot) / _shares.CashPerTickLot;

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        var book = snapshot.Books[_underlyingBook];
        var underlying = book.Last;
        var nav = NavTicks(_spec.NavOnMid ? book.Mid : underlying);
        var threshold = _spec.ThresholdBps / 10_000;
        var slippage = _spec.MaxSlippageBps / 10_000;

        // Quotes resting around NAV, renewed every tick: anyone selling shares below NAV less the threshold
        // sells to the AP, anyone buying above NAV plus it buys from the AP. The share price cannot stray
        // further while the AP has cash and shares, whatever the last trade was.
        var shares = router.To(_shareVenue);
        shares.CancelAll(Slot.Owner, 0, _shares.Index);
        var bid = Instrument.WholeTicks(nav * (1 - threshold));
        var bidLots = Math.Min(_maxCreation, Cash / (bid * _shares.CashPerTickLot * 101 / 100));
        if (bidLots > 0)
        {
            shares.Add(Slot.Owner, 1, Side.Buy, OrderType.Limit, OrderOrigin.Quote, TimeInForce.GoodTillCancel, _shares.Index, bid, bidLots);
        }

        var askLots = Math.Min(_maxCreation, ApShares);
        if (askLots > 0)
        {
            shares.Add(Slot.Owner, 2, Side.Sell, OrderType.Limit, OrderOrigin.Quote, TimeInForce.GoodTillCancel, _shares.Index, (long)Math.Ceiling(nav * (1 + threshold)), askLots);
        }

        // The hedge: trade the underlying so that units plus shares (in underlying terms) are back at the start.
        // What the share quotes took in last tick, the underlying leg passes on to the market now, so outflows
        // reach the underlying and are not parked in the AP's inventory.
        var gap = _targetExposure - (ApUnits + UnderlyingExposure(ApShares));
        var cap = UnderlyingFor(_maxCreation);
        if (gap > 0)
        {
            var limit = Instrument.WholeTicks(underlying * (1 + slippage));
            var units = Math.Min(Math.Min(gap, cap), Cash / (limit * _underlying.CashPerTickLot * 101 / 100));
            if (units > 0)
            {
                router.To(_underlyingVenue).Add(Slot.Owner, 3, Side.Buy, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _underlying.Index, limit, units);
            }
        }
        else if (gap < 0)
        {
            var units = Math.Min(Math.Min(-gap, cap), ApUnits);
            if (units > 0)
            {
                router.To(_underlyingVenue).Add(Slot.Owner, 3, Side.Sell, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _underlying.Index, Instrument.WholeTicks(underlying * (1 - slippage)), units);
            }
        }
    }

    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
        foreach (var batch in fills)
        {
            for (var f = 0; f < batch.Count; f++)
            {
                Cash += batch.CashDelta[f];
                var signed = batch.SignedQuantity(f);
                if (batch.Instrument[f] == _shares.Index)
                {
                    ApShares += signed;
                }
                else
                {
                    ApUnits += signed;
                }
            }
        }
    }

    /// <summary>Creations and redemptions with the issuer, back to the AP's starting inventory.</summary>
    public void CloseTick(long tick)
    {
        var create = ApUnits > _targetUnits ? (long)((ApUnits - _targetUnits) / _underlyingLotsPerShareLot) : 0;
        var redeem = ApShares > _targetShares ? ApShares - _targetShares : 0;
        var net = create - redeem;
        var units = UnderlyingFor(Math.Abs(net)) * Math.Sign(net);
        if (net == 0 || (net < 0 && Custody < -units))
        {
            return;
        }

        ApUnits -= units;
        Custody += units;
        ApShares += net;
        Issued += net;
    }

    /// <summary>The AP's working inventory and the issuer's custody back the shares: no position of its own.</summary>
    public void RecordCostBasis(CostBasisRecorder recorder)
    {
    }

    public Ledger Holdings()
    {
        // Custody is off every venue: it counts in the units but not in any venue's reserves.
        var held = Ledger.Held(Cash, _layout, (_underlyingVenue, _underlying.Index, ApUnits), (_shareVenue, _shares.Index, ApShares));
        held.Units[_underlying.Index] += Custody;
        held.Issued[_shares.Index] = Issued;
        return held;
    }

    private long UnderlyingFor(long shareLots) => (long)Math.Ceiling(shareLots * _underlyingLotsPerShareLot);

    /// <summary>Underlying lots that <paramref name="shareLots"/> (of either sign) stand for, rounded to the nearest lot.</summary>
    private long UnderlyingExposure(long shareLots) => (long)Math.Round(shareLots * _underlyingLotsPerShareLot, MidpointRounding.ToEven);
}
