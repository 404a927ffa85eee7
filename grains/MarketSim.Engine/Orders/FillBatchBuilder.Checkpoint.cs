using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Orders;

// Fills not yet taken by their endpoint (none between ticks, as every settle takes them all).
public sealed partial class FillBatchBuilder
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(FillBatchBuilder));
        var n = Count;
        writer.Write(_owner.AsSpan(0, n));
        writer.Write(_side.AsSpan(0, n));
        writer.Write(_instrument.AsSpan(0, n));
        writer.Write(_price.AsSpan(0, n));
        writer.Write(_quantity.AsSpan(0, n));
        writer.Write(_cashDelta.AsSpan(0, n));
        writer.Write(_origin.AsSpan(0, n));
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(FillBatchBuilder));
        var owner = reader.ReadLongs();
        var side = reader.ReadBytes();
        var instrument = reader.ReadInts();
        var price = reader.ReadLongs();
        var quantity = reader.ReadLongs();
        var cashDelta = reader.ReadLongs();
        var origin = reader.ReadBytes();
        Count = 0;
        for (var i = 0; i < owner.Length; i++)
        {
            Add(owner[i], (Side)side[i], instrument[i], price[i], quantity[i], cashDelta[i], (OrderOrigin)origin[i]);
        }
    }
}
