using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// The holders of an ETF's shares, as one account. They trade only when the event timeline sends
/// them a flow (named by the ETF's id): new money (a positive flow) arrives as cash and buys shares;
/// a redemption (negative) takes the cash out of the market and sells shares worth as much. Their
/// orders are marketable limits on the share venue; the AP is who normally takes the other side.
/// </summary>
public sealed partial class EtfInvestors : IParticipant
{
    private readonly EtfSpec _spec;
    private readonly Instrument _shares;
    private readonly MarketLayout _layout;
    private readonly int _book;

    public EtfInvestors(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.Etfs[slot.SpecIndex];
        _shares = layout.Instruments[slot.Instrument];
        _layout = layout;
        _book = layout.Book(slot.Venue, slot.Instrument).Index;
        Venues = [slot.Venue];
        Cash = Money.FromCurrency(_spec.InvestorCash);
        Shares = _shares.FloorLots(_spec.SharesOutstanding);
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }
    public long Cash { get; private set; }

    /// <summary>Cash that came in (or went out) from outside the market.</summary>
    public long External { get; private set; }
    public long Shares { get; private set; }

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        var flow = snapshot.FlowFor(Slot.Owner);
        if (flow == 0)
        {
            return;
        }

        Cash += flow;
        External += flow;
        var price = snapshot.Books[_book].Last;
        var slippage = _spec.MaxSlippageBps / 10_000;
        var buy = flow > 0;
        var limit = Instrument.WholeTicks(price * (buy ? 1 + slippage : 1 - slippage));
        var lots = Math.Abs(flow) / (price * _shares.CashPerTickLot);
        lots = buy ? Math.Min(lots, Math.Max(0, Cash) / (limit * _shares.CashPerTickLot * 101 / 100)) : Math.Min(lots, Shares);
        if (lots > 0)
        {
            router.To(Slot.Venue).Add(Slot.Owner, 0, buy ? Side.Buy : Side.Sell, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _shares.Index, limit, lots);
        }
    }

    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
        var batch = fills[0];
        for (var f = 0; f < batch.Count; f++)
        {
            Cash += batch.CashDelta[f];
            Shares += batch.SignedQuantity(f);
        }
    }

    public void CloseTick(long tick)
    {
    }

    public Ledger Holdings()
    {
        return Ledger.Held(Cash, _layout, (Slot.Venue, _shares.Index, Shares)) with { External = External };
    }
}
