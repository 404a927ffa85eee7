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
public sealed class Allocator : IParticipant
{
    private readonly AllocatorSpec _spec;
    private readonly Instrument _instrument;
    private readonly MarketLayout _layout;
    private readonly int _book;
    private readonly long _tranche;
    private long _peak;

    public Allocator(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.Allocators[slot.SpecIndex];
        _instrument = layout.Instruments[slot.Instrument];
        _layout = layout;
        _book = layout.Book(slot.Venue, slot.Instrument).Index;
        Venues = [slot.Venue];
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

        var limit = Instrument.WholeTicks(price * (1 + (_spec.MaxSlippageBps / 10_000)));
        // Budget the limit price plus a 1% allowance for fees, so the allocator never overdraws.
        var lots = Math.Min(_tranche, Cash) / (limit * _instrument.CashPerTickLot * 101 / 100);
        if (lots > 0)
        {
            router.To(Slot.Venue).Add(Slot.Owner, 0, Side.Buy, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _instrument.Index, limit, lots);
        }
    }

    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
        var batch = fills[0];
        for (var f = 0; f < batch.Count; f++)
        {
            Cash += batch.CashDelta[f];
            Units += (Side)batch.Side[f] == Side.Buy ? batch.Quantity[f] : -batch.Quantity[f];
        }
    }

    public void CloseTick(long tick)
    {
    }

    public Ledger Holdings()
    {
        return Ledger.Held(Cash, _layout, (Slot.Venue, _instrument.Index, Units)) with { External = External };
    }
}
