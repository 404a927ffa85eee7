using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// An institutional allocator buying on valuation compression: once the price is more than the
/// drawdown trigger below its running peak, it buys a tranche of its starting cash each tick, with
/// its own cash (no leverage), until the cash runs out.
/// </summary>
public sealed partial class Allocator : IParticipant
{
    private readonly AllocatorSpec _spec;
    private readonly Instrument _instrument;
    private readonly MarketLayout _layout;
    private readonly int _book;
    private readonly long _tranche;
    private readonly (int Venue, Instrument Shares)? _etf;
    private readonly int _etfBook;
    private long _peak;

    public Allocator(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.Allocators[slot.SpecIndex];
        _instrument = layout.Instruments[slot.Instrument];
        _layout = layout;
        _book = layout.Book(slot.Venue, slot.Instrument).Index;
        if (_spec.Etf is { } etf && _spec.EtfShare > 0)
        {
            var spec = layout.Scenario.Etfs.First(e => e.Id == etf);
            _etf = (layout.VenueIndex(spec.ShareVenue), layout.Instruments[layout.InstrumentIndex(spec.Shares)]);
            _etfBook = layout.Book(_etf.Value.Venue, _etf.Value.Shares.Index).Index;
        }

        Venues = _etf is { } e2 && e2.Venue != slot.Venue ? [slot.Venue, e2.Venue] : [slot.Venue];
        Cash = Money.FromCurrency(_spec.Cash);
        _tranche = (long)(Cash * _spec.TrancheShare);
        _peak = _instrument.InitialPrice;
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }
    public long Cash { get; private set; }

    /// <summary>Cash that came in (or went out) from outside the market.</summary>
    public long External { get; private set; }
    public long Units { get; private set; }

    /// <summary>ETF shares bought as the ETF part of its tranches.</summary>
    public long EtfShares { get; private set; }

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        var flow = snapshot.FlowFor(Slot.Owner);
        Cash += flow;
        External += flow;
        var price = snapshot.Books[_book].Last;
        _peak = Math.Max(_peak, price);
        if (price > _peak * (1 - _spec.DrawdownTrigger))
        {
            return;
        }

        var budget = Math.Min(_tranche, Cash);
        var viaEtf = _etf is null ? 0 : (long)(budget * _spec.EtfShare);
        Buy(router, Slot.Venue, _instrument, price, budget - viaEtf, clientSeq: 0);
        if (_etf is { } etf)
        {
            Buy(router, etf.Venue, etf.Shares, snapshot.Books[_etfBook].Last, viaEtf, clientSeq: 1);
        }
    }

    private void Buy(OrderRouter router, int venue, Instrument instrument, long price, long budget, int clientSeq)
    {
        var limit = Instrument.WholeTicks(price * (1 + (_spec.MaxSlippageBps / 10_000)));
        // Budget the limit price plus a 1% allowance for fees, so the allocator never overdraws.
        var lots = budget / (limit * instrument.CashPerTickLot * 101 / 100);
        if (lots > 0)
        {
            router.To(venue).Add(Slot.Owner, clientSeq, Side.Buy, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, instrument.Index, limit, lots);
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
                if (batch.Instrument[f] == _instrument.Index)
                {
                    Units += signed;
                }
                else
                {
                    EtfShares += signed;
                }
            }
        }
    }

    public void CloseTick(long tick)
    {
    }

    public Ledger Holdings()
    {
        return _etf is { } etf
            ? Ledger.Held(Cash, _layout, (Slot.Venue, _instrument.Index, Units), (etf.Venue, etf.Shares.Index, EtfShares)) with { External = External }
            : Ledger.Held(Cash, _layout, (Slot.Venue, _instrument.Index, Units)) with { External = External };
    }
}
