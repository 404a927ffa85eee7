using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

public sealed partial class MarketMaker
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(MarketMaker));
        writer.Write(Slot.Endpoint);
        writer.Write(_cash);
        writer.Write(_units);
        writer.Write(_external);
        writer.Write(_appliedSkew);
        _inventoryCost.Save(writer);
        writer.Write(_lastPrice);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(MarketMaker));
        Checkpoint.ExpectEndpoint(reader, Slot.Endpoint);
        _cash = reader.ReadLong();
        _units = reader.ReadLong();
        _external = reader.ReadLong();
        _appliedSkew = reader.ReadDouble();
        _inventoryCost = PositionCost.Read(reader);
        _lastPrice = reader.ReadLong();
    }
}
