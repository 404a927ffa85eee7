using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;

namespace MarketSim.Engine.Participants;

/// <summary>
/// The books of a spot participant that holds one instrument with its own cash: its cash, the part of it
/// that came from outside the market (flows), its units with their average cost, and the book's last price
/// after the latest clearing round (the close once the tick is over) that the cost-basis metrics value them at.
/// No borrowing: what it quotes or orders is bounded by <see cref="Cash"/> and <see cref="Units"/>.
/// </summary>
public sealed partial class SpotAccount
{
    private PositionCost _cost;

    /// <summary>An account starting with <paramref name="cash"/> and <paramref name="units"/> bought at the initial price.</summary>
    public SpotAccount(long cash, long units, Instrument instrument)
    {
        Cash = cash;
        Units = units;
        _cost = PositionCost.At(units, instrument.InitialPrice, instrument.CashPerTickLot);
    }

    public long Cash { get; private set; }

    /// <summary>Cash that came in (or went out) from outside the market.</summary>
    public long External { get; private set; }

    public long Units { get; private set; }

    /// <summary>What the units cost, for the cost-basis metrics.</summary>
    public PositionCost Cost => _cost;

    /// <summary>The book's last price after the latest clearing round.</summary>
    public long LastPrice { get; private set; }

    /// <summary>Books this tick's flow from outside the market for <paramref name="owner"/>, and returns it.</summary>
    public long ReceiveFlow(MarketSnapshot snapshot, long owner)
    {
        var flow = snapshot.FlowFor(owner);
        Cash += flow;
        External += flow;
        return flow;
    }

    /// <summary>A fill of the account's own instrument: <paramref name="signedLots"/> (positive bought) for <paramref name="cashDelta"/>.</summary>
    public void Fill(long signedLots, long cashDelta)
    {
        Cash += cashDelta;
        Units += signedLots;
        _cost.Fill(signedLots, cashDelta);
    }

    /// <summary>Cash paid or received for something other than the account's instrument.</summary>
    public void Pay(long cashDelta) => Cash += cashDelta;

    public void MarkLast(long lastPrice) => LastPrice = lastPrice;

    /// <summary>The units as one long holding at their average cost, against the last price.</summary>
    public void RecordCostBasis(CostBasisInput holder) => _cost.RecordLong(holder, LastPrice);
}
