using MarketSim.Engine.Orders;

namespace MarketSim.Engine.Participants.Retail;

// Stops on the book (retail.stopLoss.onBook): each stop-keeper's stop rests on its home book as a
// good-till-cancelled stop-limit sell for the units it holds, at the level PlaceStop sets (round
// numbers included), limit LimitOffsetBps below it. The book triggers it inside whichever clearing
// round trades through it — this agent's sale or anyone's — and a triggered stop that fills only
// in part keeps its remainder as a resting limit order on the book. The agent keeps what it sent
// (level, lots still to sell) and lowers the lots as stop fills come back through Settle, so the
// stop and the agent's own sales never sell the same unit twice.
public sealed partial class RetailCohort
{
    // Client sequence numbers of the round-0 cancel and stop; behaviour orders use 0, cascade rounds 1 and up.
    private const int BookStopCancelSeq = -1;
    private const int BookStopSeq = -2;

    /// <summary>The stop the agent has on its home book: stop price (ticks) and lots still to sell; (0, 0) when none.</summary>
    public (long Level, long Lots) BookStopOf(int agent) =>
        _bookStop.Length > 0 && _bookStopLots[agent] > 0 ? (_bookStop[agent], _bookStopLots[agent]) : (0, 0);

    /// <summary>The limit of a stop-limit set at <paramref name="stopTicks"/>: the offset below it, never under one tick.</summary>
    public long StopLimitPrice(long stopTicks) =>
        Math.Max(1, (long)Math.Floor(stopTicks * (1 - (_spec.StopLoss.LimitOffsetBps / 10_000))));

    private bool HasBookStop(int i) => _bookStopLots.Length > 0 && _bookStopLots[i] > 0;

    /// <summary>The agent cancelled everything it had on the book.</summary>
    private void ForgetBookStop(int i)
    {
        if (_bookStop.Length > 0)
        {
            _bookStop[i] = 0;
            _bookStopLots[i] = 0;
        }
    }

    /// <summary>Before the agent sells <paramref name="soldLots"/> itself: the stop shrinks to the units the sale leaves.</summary>
    private void ReplaceBookStopAroundSale(int i, long soldLots, OrderBatchBuilder orders)
    {
        if (_bookStop.Length == 0)
        {
            return;
        }

        _flags[i] |= SellOpenFlag;
        ArmBookStop(i, _units[i] - soldLots, orders);
    }

    /// <summary>
    /// At the start of a tick every stop-keeper that did not sell has its stop for all its units at its current level:
    /// after a buy that is the new level from the new average cost; after a partial sale or liquidation, the units left.
    /// </summary>
    private void ArmBookStops()
    {
        if (_bookStop.Length == 0)
        {
            return;
        }

        for (var i = 0; i < _bookStop.Length; i++)
        {
            if ((_flags[i] & (HasStopFlag | SellOpenFlag)) == HasStopFlag)
            {
                ArmBookStop(i, _units[i], Home(i).Today.Orders);
            }
        }
    }

    /// <summary>Cancels and replaces the book stop when its level or size is not what the agent now wants.</summary>
    private void ArmBookStop(int i, long lots, OrderBatchBuilder orders)
    {
        var level = lots > 0 ? _stop[i] : 0;
        if (level <= 0)
        {
            lots = 0;
            level = 0;
        }

        var had = HasBookStop(i);
        if (had ? _bookStop[i] == level && _bookStopLots[i] == lots : lots == 0)
        {
            return;
        }

        var owner = Slot.FirstAgent + i;
        var instrument = Home(i).Instrument.Index;
        if (had)
        {
            // Cancels go first in a round, so this removes the old stop (or its remainder) and nothing sent this tick.
            orders.CancelAll(owner, BookStopCancelSeq, instrument);
        }

        if (lots > 0)
        {
            orders.Add(owner, BookStopSeq, Side.Sell, OrderType.StopLimit, OrderOrigin.StopLoss, TimeInForce.GoodTillCancel, instrument, StopLimitPrice(level), lots, level);
        }

        _bookStop[i] = level;
        _bookStopLots[i] = lots;
    }
}
