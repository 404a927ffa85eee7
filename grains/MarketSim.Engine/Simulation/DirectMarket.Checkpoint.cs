using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Simulation;

// The whole in-process market in one checkpoint: every venue, then every participant, in layout
// order. The grains save the same objects one by one.
public sealed partial class DirectMarket
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(DirectMarket));
        foreach (var venue in Venues)
        {
            writer.Write(venue);
        }

        foreach (var participant in Participants)
        {
            writer.Write(participant);
        }
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(DirectMarket));
        foreach (var venue in Venues)
        {
            reader.Read(venue);
        }

        foreach (var participant in Participants)
        {
            reader.Read(participant);
        }
    }
}
