using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

public sealed partial class EtfIssuer
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(EtfIssuer));
        writer.Write(Slot.Endpoint);
        writer.Write(Cash);
        writer.Write(ApShares);
        writer.Write(ApUnits);
        writer.Write(Custody);
        writer.Write(Issued);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(EtfIssuer));
        Checkpoint.ExpectEndpoint(reader, Slot.Endpoint);
        Cash = reader.ReadLong();
        ApShares = reader.ReadLong();
        ApUnits = reader.ReadLong();
        Custody = reader.ReadLong();
        Issued = reader.ReadLong();
    }
}
