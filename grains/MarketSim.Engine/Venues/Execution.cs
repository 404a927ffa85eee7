using MarketSim.Engine.Orders;

namespace MarketSim.Engine.Venues;

/// <summary>One side of a trade: who it was and why they traded.</summary>
public readonly record struct TradeParty(long Owner, int Endpoint, OrderOrigin Origin);

/// <summary>A trade printed by an order book: <see cref="Quantity"/> lots at <see cref="Price"/> ticks.</summary>
public readonly record struct Execution(long Price, long Quantity, Side AggressorSide, TradeParty Buyer, TradeParty Seller);

/// <summary>Receives the trades of an order book as they print.</summary>
public interface IExecutionListener
{
    void OnExecution(OrderBook book, in Execution execution);

    /// <summary>A stop or stop-limit order of <paramref name="book"/> was triggered, before it trades; only counted, so a listener may ignore it.</summary>
    void OnStopTriggered(OrderBook book, in IncomingOrder stop)
    {
    }
}
