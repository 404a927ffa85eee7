using MarketSim.Engine.Orders;

namespace MarketSim.Engine.Venues;

/// <summary>One order as it reaches a book, after the venue has sequenced it.</summary>
public readonly record struct IncomingOrder(
    long Owner,
    int Endpoint,
    Side Side,
    OrderType Type,
    OrderOrigin Origin,
    TimeInForce TimeInForce,
    long Price,
    long StopPrice,
    long Quantity);
