using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

public sealed partial class MarketMaker
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(MarketMaker));
        writer.Write(Slot.Endpoint);
        _account.Save(writer);
        writer.Write(_appliedSkew);
        _impact.Save(writer);
        _depth.Save(writer);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(MarketMaker));
        Checkpoint.ExpectEndpoint(reader, Slot.Endpoint);
        _account.Restore(reader);
        _appliedSkew = reader.ReadDouble();
        _impact.Restore(reader);
        _depth.Restore(reader);
    }
}
