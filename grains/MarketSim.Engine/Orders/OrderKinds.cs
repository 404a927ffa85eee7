namespace MarketSim.Engine.Orders;

public enum Side : byte
{
    Buy = 0,
    Sell = 1,
}

public enum OrderType : byte
{
    /// <summary>Executes up to its limit price; the rest rests in the book.</summary>
    Limit = 0,

    /// <summary>Walks the book until filled or the book is empty; an unfilled rest is dropped.</summary>
    Market = 1,

    /// <summary>Rests until the last trade reaches its stop price, then becomes a market order.</summary>
    Stop = 2,

    /// <summary>Rests until the last trade reaches its stop price, then becomes a limit order.</summary>
    StopLimit = 3,

    /// <summary>Cancels every resting order (and stop) of the owner in that instrument's book.</summary>
    CancelAll = 4,

    /// <summary>Exogenous cash into (or, when negative, out of) the owner's margin account: Quantity is the cash, in cash units.</summary>
    Deposit = 5,
}

/// <summary>Why an order was sent; the venue tallies forced volume by origin.</summary>
public enum OrderOrigin : byte
{
    Discretionary = 0,
    Quote = 1,
    StopLoss = 2,

    /// <summary>Closed by the venue's liquidation engine.</summary>
    Liquidation = 3,

    /// <summary>Sold (or bought back) because a prime broker called margin: forced, but by the participant's own rule.</summary>
    MarginCall = 4,
}

public enum TimeInForce : byte
{
    /// <summary>Expires when the tick closes: retail orders that are not worked over ticks.</summary>
    GoodForTick = 0,
    GoodTillCancel = 1,
}
