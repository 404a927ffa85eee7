using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

// Cash and units on each side and the transfers still in transit, in the order they were sent.
public sealed partial class Arbitrageur
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(Arbitrageur));
        writer.Write(Slot.Endpoint);
        writer.Write(_cash);
        writer.Write(_units);
        writer.Write(_inTransit.Count);
        foreach (var transfer in _inTransit)
        {
            writer.Write(transfer.Arrives);
            writer.Write(transfer.To);
            writer.Write(transfer.Units);
            writer.Write(transfer.Cash);
        }

        _unitsCost.Save(writer);
        writer.Write(_lastPrice);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(Arbitrageur));
        Checkpoint.ExpectEndpoint(reader, Slot.Endpoint);
        reader.ReadInto(_cash, "cash");
        reader.ReadInto(_units, "units");
        _inTransit.Clear();
        for (var n = reader.ReadInt(); n > 0; n--)
        {
            _inTransit.Add(new Transfer(reader.ReadLong(), reader.ReadInt(), reader.ReadLong(), reader.ReadLong()));
        }

        _unitsCost = PositionCost.Read(reader);
        _lastPrice = reader.ReadLong();
    }
}
