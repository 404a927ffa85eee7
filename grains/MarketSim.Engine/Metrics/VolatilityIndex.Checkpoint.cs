using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Metrics;

// The two windows, the EWMA state and the last values, doubles as their bits: a restored index
// computes exactly what the uninterrupted one would.
public sealed partial class VolatilityIndex
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(VolatilityIndex));
        writer.Write(_returns);
        writer.Write(_proxyChanges);
        writer.Write(_lastClose);
        writer.Write(_variance);
        writer.Write(_lastProxy);
        writer.Write(Realized);
        writer.Write(Implied);
        writer.Write(VolOfVol);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(VolatilityIndex));
        Refill(_returns, reader.ReadDoubles());
        Refill(_proxyChanges, reader.ReadDoubles());
        _lastClose = reader.ReadDouble();
        _variance = reader.ReadDouble();
        _lastProxy = reader.ReadDouble();
        Realized = reader.ReadDouble();
        Implied = reader.ReadDouble();
        VolOfVol = reader.ReadDouble();
    }

    private static void Refill(Queue<double> window, double[] values)
    {
        window.Clear();
        foreach (var value in values)
        {
            window.Enqueue(value);
        }
    }
}
