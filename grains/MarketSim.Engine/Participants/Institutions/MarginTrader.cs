using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// An institution that trades one instrument through a margin account on its venue: it may borrow
/// and go short, and its venue can liquidate it. The venue keeps the account; the institution
/// keeps a mirror — set from the snapshot at the start of each tick, moved by its fills during the
/// tick — to decide with. Subclasses say what position they want.
/// </summary>
public abstract partial class MarginTrader : IParticipant
{
    private readonly double _maxSlippage;
    private readonly int _instrumentCount;
    private int _clientSeq;
    private long _dayStartEquity;

    // Cost-basis metrics: the average cost of the position, moved by the same fills as Cash and Units, and
    // the book's last price after the latest clearing round (the close once the tick is over).
    private PositionCost _positionCost;
    private long _lastPrice;

    protected MarginTrader(MarketLayout layout, ParticipantSlot slot, double maxSlippageBps)
    {
        Slot = slot;
        Layout = layout;
        Instrument = layout.Instruments[slot.Instrument];
        Book = layout.Book(slot.Venue, slot.Instrument).Index;
        Venues = [slot.Venue];
        _instrumentCount = layout.Instruments.Count;
        _maxSlippage = maxSlippageBps / 10_000;
        Cash = Money.FromCurrency(slot.MarginCapital);
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }
    protected MarketLayout Layout { get; }
    protected Instrument Instrument { get; }
    protected int Book { get; }

    /// <summary>Cash in the margin account as last seen (cash units; negative when borrowing).</summary>
    public long Cash { get; private set; }

    /// <summary>Position in lots as last seen (negative when short).</summary>
    public long Units { get; private set; }

    /// <summary>Cash that came in from outside (flows) less what investors redeemed, over the run.</summary>
    public long External { get; private set; }

    /// <summary>Investors' redemption rule; none unless a subclass has one.</summary>
    protected virtual RedemptionSpec Redemptions => RedemptionSpec.None;

    /// <summary>Equity in cash units at <paramref name="price"/> ticks.</summary>
    public long Equity(long price) => Cash + (Units * price * Instrument.CashPerTickLot);

    /// <summary>Gross exposure over equity at <paramref name="price"/>; infinite when equity is gone.</summary>
    public double Leverage(long price)
    {
        var equity = Equity(price);
        return equity > 0 ? Math.Abs(Units) * price * (double)Instrument.CashPerTickLot / equity : double.PositiveInfinity;
    }

    /// <summary>Lots worth <paramref name="cash"/> cash units at <paramref name="price"/>, rounded toward zero.</summary>
    protected long LotsWorth(double cash, long price) => (long)(cash / (price * (double)Instrument.CashPerTickLot));

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        if (snapshot.MarginAccount(Slot.Owner) is { } account)
        {
            Cash = account.Cash;
            Units = account.Units;
            _positionCost.Resync(Units);
        }

        _clientSeq = 0;
        var quote = snapshot.Books[Book];
        var flow = snapshot.FlowFor(Slot.Owner) + Redemption(snapshot.Tick, quote.Last);
        if (flow != 0)
        {
            // New money (or redemptions) reach the account before this tick's trade is sized on it.
            Cash += flow;
            External += flow;
            router.To(Slot.Venue).Add(Slot.Owner, _clientSeq++, Side.Buy, OrderType.Deposit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, Instrument.Index, 0, flow);
        }

        if (TargetPosition(snapshot, quote) is { } target)
        {
            Trade(target - Units, quote.Last, router, OrderOrigin.Discretionary);
        }
    }

    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
        _lastPrice = outcome.Books[Book].Last;
        var batch = fills[0];
        for (var f = 0; f < batch.Count; f++)
        {
            Cash += batch.CashDelta[f];
            Units += batch.SignedQuantity(f);
            _positionCost.Fill(batch.SignedQuantity(f), batch.CashDelta[f]);
        }

        if (!outcome.Final && outcome.Books[Book] is { Trades: > 0 } round)
        {
            AfterRound(round, router);
        }
    }

    public virtual void CloseTick(long tick)
    {
    }

    /// <summary>A long position counts as one holder of its class; a short one is not in the distribution.</summary>
    public void RecordCostBasis(CostBasisRecorder recorder) =>
        _positionCost.RecordLong(recorder.For(Slot.Class, Instrument.Index), _lastPrice);

    /// <summary>The venue holds everything in the margin account.</summary>
    public Ledger Holdings() => Ledger.Zero(_instrumentCount) with { External = External };

    /// <summary>
    /// At the start of each day: if equity fell by more than the trigger since the previous day's
    /// start, investors take out the rate of what is left (a negative amount of cash).
    /// </summary>
    private long Redemption(long tick, long price)
    {
        if (tick % Layout.Scenario.TicksPerDay != 0)
        {
            return 0;
        }

        var equity = Equity(price);
        var previous = _dayStartEquity;
        _dayStartEquity = equity;
        var rule = Redemptions;
        if (rule.Rate <= 0 || tick == 0 || previous <= 0 || equity <= 0 || equity >= previous * (1 - rule.Trigger))
        {
            return 0;
        }

        var redeemed = (long)(equity * rule.Rate);
        _dayStartEquity -= redeemed;
        return -redeemed;
    }

    /// <summary>The position (lots) wanted this tick, or null to leave it as it is.</summary>
    protected abstract long? TargetPosition(MarketSnapshot snapshot, BookQuote quote);

    /// <summary>After a clearing round in which the book traded: a chance to send forced orders.</summary>
    protected virtual void AfterRound(BookRound round, OrderRouter router)
    {
    }

    /// <summary>Sends <paramref name="lots"/> (signed) as a limit order at most the slippage away from <paramref name="reference"/>.</summary>
    protected void Trade(long lots, long reference, OrderRouter router, OrderOrigin origin)
    {
        if (lots == 0)
        {
            return;
        }

        var buy = lots > 0;
        var limit = Instrument.WholeTicks(reference * (buy ? 1 + _maxSlippage : 1 - _maxSlippage));
        router.To(Slot.Venue).Add(Slot.Owner, _clientSeq++, buy ? Side.Buy : Side.Sell, OrderType.Limit, origin, TimeInForce.GoodForTick, Instrument.Index, limit, Math.Abs(lots));
    }
}
