namespace MarketSim.Engine.Checkpoints;

/// <summary>
/// An Engine object whose state can be written to a checkpoint and read back. <see cref="Restore"/>
/// is called on an object freshly built from the same layout, so only state that changes over a run
/// is written: whatever the constructor derives from the scenario (specs, random draws keyed by id)
/// is rebuilt, not stored.
/// </summary>
public interface ICheckpointable
{
    void Save(CheckpointWriter writer);

    void Restore(CheckpointReader reader);
}
