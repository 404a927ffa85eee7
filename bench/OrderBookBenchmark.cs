using BenchmarkDotNet.Attributes;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Venues;

namespace MarketSim.Bench;

/// <summary>Matching cost: a ladder of resting quotes hit by a stream of marketable orders.</summary>
[MemoryDiagnoser]
public class OrderBookBenchmark : IExecutionListener
{
    private OrderBook _book = null!;
    private long _volume;

    [GlobalSetup]
    public void Setup() => _book = new OrderBook(new InstrumentSpec("X", 1m, 1m, 10_000m).ToInstrument(0), this);

    [Benchmark(OperationsPerInvoke = 1_000)]
    public long QuoteAndTake()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var side = (i & 1) == 0 ? Side.Buy : Side.Sell;
            _book.Submit(new IncomingOrder(1, 0, side == Side.Buy ? Side.Sell : Side.Buy, OrderType.Limit, OrderOrigin.Quote, TimeInForce.GoodTillCancel, 10_000 + (side == Side.Buy ? 1 + (i % 7) : -1 - (i % 7)), 0, 5));
            _book.Submit(new IncomingOrder(2 + i, 0, side, OrderType.Market, OrderOrigin.Discretionary, TimeInForce.GoodForTick, 0, 0, 5));
        }

        return _volume;
    }

    public void OnExecution(OrderBook book, in Execution execution) => _volume += execution.Quantity;
}
