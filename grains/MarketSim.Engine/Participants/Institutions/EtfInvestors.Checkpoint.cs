using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

public sealed partial class EtfInvestors
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(EtfInvestors));
        writer.Write(Slot.Endpoint);
        _account.Save(writer);
        writer.Write(Pending);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(EtfInvestors));
        Checkpoint.ExpectEndpoint(reader, Slot.Endpoint);
        _account.Restore(reader);
        Pending = reader.ReadLong();
    }
}
