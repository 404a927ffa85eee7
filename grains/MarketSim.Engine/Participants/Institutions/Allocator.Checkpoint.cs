using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

public sealed partial class Allocator
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(Allocator));
        writer.Write(Slot.Endpoint);
        writer.Write(_peak);
        _account.Save(writer);
        writer.Write(EtfShares);
        _etfSharesCost.Save(writer);
        writer.Write(_lastEtfPrice);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(Allocator));
        Checkpoint.ExpectEndpoint(reader, Slot.Endpoint);
        _peak = reader.ReadLong();
        _account.Restore(reader);
        EtfShares = reader.ReadLong();
        _etfSharesCost = PositionCost.Read(reader);
        _lastEtfPrice = reader.ReadLong();
    }
}
