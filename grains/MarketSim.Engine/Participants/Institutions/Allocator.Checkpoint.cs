using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

public sealed partial class Allocator
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(Allocator));
        writer.Write(Slot.Endpoint);
        writer.Write(_peak);
        writer.Write(Cash);
        writer.Write(External);
        writer.Write(Units);
        writer.Write(EtfShares);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(Allocator));
        Checkpoint.ExpectEndpoint(reader, Slot);
        _peak = reader.ReadLong();
        Cash = reader.ReadLong();
        External = reader.ReadLong();
        Units = reader.ReadLong();
        EtfShares = reader.ReadLong();
    }
}
