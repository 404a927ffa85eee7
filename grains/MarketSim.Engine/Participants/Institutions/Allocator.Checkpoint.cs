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
        _unitsCost.Save(writer);
        _etfSharesCost.Save(writer);
        writer.Write(_lastPrice);
        writer.Write(_lastEtfPrice);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(Allocator));
        Checkpoint.ExpectEndpoint(reader, Slot.Endpoint);
        _peak = reader.ReadLong();
        Cash = reader.ReadLong();
        External = reader.ReadLong();
        Units = reader.ReadLong();
        EtfShares = reader.ReadLong();
        _unitsCost = PositionCost.Read(reader);
        _etfSharesCost = PositionCost.Read(reader);
        _lastPrice = reader.ReadLong();
        _lastEtfPrice = reader.ReadLong();
    }
}
