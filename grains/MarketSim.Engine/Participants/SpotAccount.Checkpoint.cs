using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants;

// One layout for every spot account, written inside its owner's section.
public sealed partial class SpotAccount
{
    public void Save(CheckpointWriter writer)
    {
        writer.Write(Cash);
        writer.Write(External);
        writer.Write(Units);
        _cost.Save(writer);
        writer.Write(LastPrice);
    }

    public void Restore(CheckpointReader reader)
    {
        Cash = reader.ReadLong();
        External = reader.ReadLong();
        Units = reader.ReadLong();
        _cost = PositionCost.Read(reader);
        LastPrice = reader.ReadLong();
    }
}
