namespace MarketSim.Engine.Orders;

/// <summary>
/// The orders one participant endpoint sends to one venue in one round, as parallel arrays
/// (struct-of-arrays): cheap to build in a hot loop and serialized as a few primitive blocks.
/// Immutable once built.
/// </summary>
public sealed class OrderBatch
{
    public static readonly OrderBatch Empty = new(0, [], [], [], [], [], [], [], [], [], []);

    public OrderBatch(
        int count,
        long[] owner,
        int[] clientSeq,
        byte[] side,
        byte[] type,
        byte[] origin,
        byte[] timeInForce,
        int[] instrument,
        long[] price,
        long[] stopPrice,
        long[] quantity)
    {
        Count = count;
        Owner = owner;
        ClientSeq = clientSeq;
        Side = side;
        Type = type;
        Origin = origin;
        TimeInForce = timeInForce;
        Instrument = instrument;
        Price = price;
        StopPrice = stopPrice;
        Quantity = quantity;
    }

    public int Count { get; }

    /// <summary>The agent or institution that owns each order (its global id).</summary>
    public long[] Owner { get; }

    /// <summary>The owner's own sequence number for the order within the tick: breaks ties deterministically.</summary>
    public int[] ClientSeq { get; }

    public byte[] Side { get; }
    public byte[] Type { get; }
    public byte[] Origin { get; }
    public byte[] TimeInForce { get; }

    /// <summary>Instrument index (into the scenario's instrument list).</summary>
    public int[] Instrument { get; }

    /// <summary>Limit price in ticks (0 for market orders).</summary>
    public long[] Price { get; }

    /// <summary>Stop trigger in ticks (stop orders only).</summary>
    public long[] StopPrice { get; }

    /// <summary>Quantity in lots.</summary>
    public long[] Quantity { get; }
}
