using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

public sealed partial class EtfInvestors
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(EtfInvestors));
        writer.Write(Slot.Endpoint);
        writer.Write(Cash);
        writer.Write(External);
        writer.Write(Shares);
        writer.Write(Pending);
        _sharesCost.Save(writer);
        writer.Write(_lastPrice);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(EtfInvestors));
        Checkpoint.ExpectEndpoint(reader, Slot.Endpoint);
        Cash = reader.ReadLong();
        External = reader.ReadLong();
        Shares = reader.ReadLong();
        Pending = reader.ReadLong();
        _sharesCost = PositionCost.Read(reader);
        _lastPrice = reader.ReadLong();
    }
}
