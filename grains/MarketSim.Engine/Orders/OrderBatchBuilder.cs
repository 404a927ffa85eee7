namespace MarketSim.Engine.Orders;

/// <summary>Accumulates orders for one venue without allocating per order; reusable after <see cref="Build"/>.</summary>
public sealed class OrderBatchBuilder
{
    private long[] _owner = new long[16];
    private int[] _clientSeq = new int[16];
    private byte[] _side = new byte[16];
    private byte[] _type = new byte[16];
    private byte[] _origin = new byte[16];
    private byte[] _tif = new byte[16];
    private int[] _instrument = new int[16];
    private long[] _price = new long[16];
    private long[] _stopPrice = new long[16];
    private long[] _quantity = new long[16];

    public int Count { get; private set; }

    public void Add(long owner, int clientSeq, Side side, OrderType type, OrderOrigin origin, TimeInForce tif, int instrument, long price, long quantity, long stopPrice = 0)
    {
        if (Count == _owner.Length)
        {
            Grow();
        }

        var i = Count++;
        _owner[i] = owner;
        _clientSeq[i] = clientSeq;
        _side[i] = (byte)side;
        _type[i] = (byte)type;
        _origin[i] = (byte)origin;
        _tif[i] = (byte)tif;
        _instrument[i] = instrument;
        _price[i] = price;
        _stopPrice[i] = stopPrice;
        _quantity[i] = quantity;
    }

    /// <summary>Cancels every resting order of <paramref name="owner"/> on the instrument's book (a quote's re-post names <see cref="OrderOrigin.Quote"/>).</summary>
    public void CancelAll(long owner, int clientSeq, int instrument, OrderOrigin origin = OrderOrigin.Discretionary) =>
        Add(owner, clientSeq, Side.Buy, OrderType.CancelAll, origin, TimeInForce.GoodForTick, instrument, 0, 0);

    /// <summary>Copies the orders into an exact-size batch and resets the builder.</summary>
    public OrderBatch Build()
    {
        if (Count == 0)
        {
            return OrderBatch.Empty;
        }

        var n = Count;
        Count = 0;
        return new OrderBatch(n, _owner[..n], _clientSeq[..n], _side[..n], _type[..n], _origin[..n], _tif[..n], _instrument[..n], _price[..n], _stopPrice[..n], _quantity[..n]);
    }

    private void Grow()
    {
        var size = _owner.Length * 2;
        Array.Resize(ref _owner, size);
        Array.Resize(ref _clientSeq, size);
        Array.Resize(ref _side, size);
        Array.Resize(ref _type, size);
        Array.Resize(ref _origin, size);
        Array.Resize(ref _tif, size);
        Array.Resize(ref _instrument, size);
        Array.Resize(ref _price, size);
        Array.Resize(ref _stopPrice, size);
        Array.Resize(ref _quantity, size);
    }
}
