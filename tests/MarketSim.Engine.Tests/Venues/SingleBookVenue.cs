using MarketSim.Engine.Contracts;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Venues;

namespace MarketSim.Engine.Tests.Venues;

/// <summary>
/// A venue with one BTC book (tick 1, lots of 0.001, starting at 100,000) and no participants: a test places
/// every order itself and closes one tick per clearing round.
/// </summary>
internal sealed class SingleBookVenue
{
    private readonly Venue _venue;
    private readonly OrderBatchBuilder _orders = new();
    private long _tick;

    public SingleBookVenue()
    {
        var scenario = TestMarkets.Small() with { Retail = TestMarkets.Small().Retail with { Count = 0 }, MarketMakers = [], Funds = [] };
        _venue = new Venue(new MarketLayout(scenario), 0);
    }

    public void Add(long owner, int seq, Side side, OrderType type, long price, long quantity, OrderOrigin origin = OrderOrigin.Discretionary, long stopPrice = 0) =>
        _orders.Add(owner, seq, side, type, origin, TimeInForce.GoodTillCancel, 0, price, quantity, stopPrice);

    public void CancelAll(long owner, int seq) => _orders.CancelAll(owner, seq, instrument: 0);

    /// <summary>Sends the orders added so far to the venue, for the next <see cref="CloseTick"/>.</summary>
    public void Submit() => _venue.Submit(endpoint: 1, _orders.Build());

    /// <summary>Clears one round and closes the tick: the book's bar.</summary>
    public BookBar CloseTick()
    {
        _venue.Clear(_tick, 0);
        return _venue.CloseTick(_tick++).Bars.Single();
    }
}
