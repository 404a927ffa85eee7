using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// The holders of an ETF's shares, as one account. They trade only when the event timeline sends
/// them a flow (named by the ETF's id): new money (a positive flow) arrives as cash and buys shares;
/// a redemption (negative) takes the cash out of the market and sells shares worth as much. Their
/// orders are marketable limits on the share venue; the AP is who normally takes the other side.
/// What a tick's order does not fill stays pending and is traded in the next ticks, so a flow
/// reaches the market in full however thin the share book is.
/// </summary>
public sealed partial class EtfInvestors : IParticipant
{
    private readonly EtfSpec _spec;
    private readonly Instrument _shares;
    private readonly MarketLayout _layout;
    private readonly int _book;

    // Their cash and shares (the starting shares at the initial share price, for the cost-basis metrics).
    private readonly SpotAccount _account;

    public EtfInvestors(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.Etfs[slot.SpecIndex];
        _shares = layout.Instruments[slot.Instrument];
        _layout = layout;
        _book = layout.Book(slot.Venue, slot.Instrument).Index;
        Venues = [slot.Venue];
        _account = new SpotAccount(Money.FromCurrency(_spec.InvestorCash), _shares.FloorLots(_spec.SharesOutstanding), _shares);
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }
    public long Cash => _account.Cash;

    /// <summary>Cash that came in (or went out) from outside the market.</summary>
    public long External => _account.External;
    public long Shares => _account.Units;

    /// <summary>Cash still to be invested (positive) or raised by selling shares (negative).</summary>
    public long Pending { get; private set; }

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        Pending += _account.ReceiveFlow(snapshot, Slot.Owner);
        if (Pending == 0)
        {
            return;
        }

        // Priced off the side they trade against (the AP quotes near NAV), not a last trade that may be stale.
        var quote = snapshot.Books[_book];
        var buy = Pending > 0;
        var price = buy ? (quote.BestAsk > 0 ? quote.BestAsk : quote.Last) : (quote.BestBid > 0 ? quote.BestBid : quote.Last);
        var slippage = _spec.MaxSlippageBps / 10_000;
        var limit = Instrument.WholeTicks(price * (buy ? 1 + slippage : 1 - slippage));
        var lots = Math.Abs(Pending) / (price * _shares.CashPerTickLot);
        lots = buy ? Math.Min(lots, Math.Max(0, Cash) / (limit * _shares.CashPerTickLot * 101 / 100)) : Math.Min(lots, Shares);
        if (lots > 0)
        {
            router.To(Slot.Venue).Add(Slot.Owner, 0, buy ? Side.Buy : Side.Sell, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _shares.Index, limit, lots);
        }
    }

    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
        _account.MarkLast(outcome.Books[_book].Last);
        var batch = fills[0];
        for (var f = 0; f < batch.Count; f++)
        {
            _account.Fill(batch.SignedQuantity(f), batch.CashDelta[f]);

            // A fill's cash works the pending amount toward zero, never past it.
            var left = Pending + batch.CashDelta[f];
            Pending = Math.Sign(left) == Math.Sign(Pending) ? left : 0;
        }
    }

    public void CloseTick(long tick)
    {
    }

    /// <summary>The investors as one holder, their shares counted as the underlying they stand for.</summary>
    public void RecordCostBasis(CostBasisRecorder recorder) =>
        _account.RecordCostBasis(recorder.For(Slot.Class, _shares.Index));

    public Ledger Holdings()
    {
        return Ledger.Held(Cash, _layout, (Slot.Venue, _shares.Index, Shares)) with { External = External };
    }
}
