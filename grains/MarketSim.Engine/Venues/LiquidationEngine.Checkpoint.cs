using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Venues;

// Only the insurance fund changes; the rates come from the venue's spec.
public sealed partial class LiquidationEngine
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(LiquidationEngine));
        writer.Write(InsuranceFund);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(LiquidationEngine));
        InsuranceFund = reader.ReadLong();
    }
}
