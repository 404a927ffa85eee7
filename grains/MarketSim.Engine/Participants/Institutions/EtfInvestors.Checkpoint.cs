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
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(EtfInvestors));
        Checkpoint.ExpectEndpoint(reader, Slot);
        Cash = reader.ReadLong();
        External = reader.ReadLong();
        Shares = reader.ReadLong();
    }
}
