namespace MarketSim.Engine.Orders;

/// <summary>
/// Executions a venue reports back to one participant endpoint, in execution order, as parallel
/// arrays. <see cref="CashDelta"/> already includes the fee, so both sides of a trade agree on the
/// cash that moved and conservation can be checked exactly.
/// </summary>
public sealed class FillBatch
{
    public static readonly FillBatch Empty = new(0, [], [], [], [], [], [], []);

    public FillBatch(int count, long[] owner, byte[] side, int[] instrument, long[] price, long[] quantity, long[] cashDelta, byte[] origin)
    {
        Count = count;
        Owner = owner;
        Side = side;
        Instrument = instrument;
        Price = price;
        Quantity = quantity;
        CashDelta = cashDelta;
        Origin = origin;
    }

    public int Count { get; }
    public long[] Owner { get; }
    public byte[] Side { get; }
    public int[] Instrument { get; }

    /// <summary>Execution price in ticks.</summary>
    public long[] Price { get; }

    /// <summary>Executed lots (always positive; the side says the direction).</summary>
    public long[] Quantity { get; }

    /// <summary>Signed change of the owner's cash: −(notional + fee) for a buy, notional − fee for a sell.</summary>
    public long[] CashDelta { get; }

    public byte[] Origin { get; }

    /// <summary>Fill <paramref name="index"/>'s quantity signed by its side: what it adds to the owner's position.</summary>
    public long SignedQuantity(int index) => (Orders.Side)Side[index] == Orders.Side.Buy ? Quantity[index] : -Quantity[index];
}
