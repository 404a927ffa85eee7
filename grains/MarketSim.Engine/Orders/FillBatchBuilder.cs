namespace MarketSim.Engine.Orders;

/// <summary>Accumulates fills for one endpoint; reusable after <see cref="Build"/>.</summary>
public sealed partial class FillBatchBuilder : Checkpoints.ICheckpointable
{
    private long[] _owner = new long[16];
    private byte[] _side = new byte[16];
    private int[] _instrument = new int[16];
    private long[] _price = new long[16];
    private long[] _quantity = new long[16];
    private long[] _cashDelta = new long[16];
    private byte[] _origin = new byte[16];

    public int Count { get; private set; }

    public void Add(long owner, Side side, int instrument, long price, long quantity, long cashDelta, OrderOrigin origin)
    {
        if (Count == _owner.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _owner, size);
            Array.Resize(ref _side, size);
            Array.Resize(ref _instrument, size);
            Array.Resize(ref _price, size);
            Array.Resize(ref _quantity, size);
            Array.Resize(ref _cashDelta, size);
            Array.Resize(ref _origin, size);
        }

        var i = Count++;
        _owner[i] = owner;
        _side[i] = (byte)side;
        _instrument[i] = instrument;
        _price[i] = price;
        _quantity[i] = quantity;
        _cashDelta[i] = cashDelta;
        _origin[i] = (byte)origin;
    }

    public FillBatch Build()
    {
        if (Count == 0)
        {
            return FillBatch.Empty;
        }

        var n = Count;
        Count = 0;
        return new FillBatch(n, _owner[..n], _side[..n], _instrument[..n], _price[..n], _quantity[..n], _cashDelta[..n], _origin[..n]);
    }
}
