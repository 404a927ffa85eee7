using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// An ETF issuer and its authorized participant. The issuer keeps the underlying that backs the
/// shares in custody (off every venue). The AP arbitrages the share price against NAV =
/// unitsPerShare × the underlying's last price: at a premium beyond the threshold it sells shares
/// and buys the underlying; at a discount it buys shares and sells the underlying. When the tick
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
        var share = snapshot.Books[_shareBook].Last;
        var underlying = snapshot.Books[_underlyingBook].Last;
        var nav = NavTicks(underlying);
        var premium = (share / nav) - 1;
        var threshold = _spec.ThresholdBps / 10_000;
        var slippage = _spec.MaxSlippageBps / 10_000;
        if (premium > threshold)
        {
            // Sell shares into the premium, buy the underlying to create them at the close.
            var lots = Math.Min(_maxCreation, ApShares);
            var units = UnderlyingFor(lots);
            var limit = Instrument.WholeTicks(underlying * (1 + slippage));
            lots = Math.Min(lots, (long)(Cash / (limit * _underlying.CashPerTickLot * 1.01) / (double)_underlyingLotsPerShareLot));
            if (lots > 0 && units > 0)
            {
                router.To(_shareVenue).Add(Slot.Owner, 0, Side.Sell, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _shares.Index, Instrument.WholeTicks(share * (1 - slippage)), lots);
                router.To(_underlyingVenue).Add(Slot.Owner, 1, Side.Buy, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _underlying.Index, limit, UnderlyingFor(lots));
            }
        }
        else if (premium < -threshold)
        {
            // Buy shares at the discount, sell the underlying they will be redeemed for.
            var limit = Instrument.WholeTicks(share * (1 + slippage));
            var lots = Math.Min(_maxCreation, Cash / (limit * _shares.CashPerTickLot * 101 / 100));
            lots = Math.Min(lots, (long)(ApUnits / _underlyingLotsPerShareLot));
            if (lots > 0)
            {
                router.To(_shareVenue).Add(Slot.Owner, 0, Side.Buy, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _shares.Index, limit, lots);
                router.To(_underlyingVenue).Add(Slot.Owner, 1, Side.Sell, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _underlying.Index, Instrument.WholeTicks(underlying * (1 - slippage)), UnderlyingFor(lots));
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

    public Ledger Holdings()
    {
        // Custody is off every venue: it counts in the units but not in any venue's reserves.
        var held = Ledger.Held(Cash, _layout, (_underlyingVenue, _underlying.Index, ApUnits), (_shareVenue, _shares.Index, ApShares));
        held.Units[_underlying.Index] += Custody;
        held.Issued[_shares.Index] = Issued;
        return held;
    }

    private long UnderlyingFor(long shareLots) => (long)Math.Ceiling(shareLots * _underlyingLotsPerShareLot);
}
