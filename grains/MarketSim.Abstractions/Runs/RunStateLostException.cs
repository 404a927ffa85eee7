namespace MarketSim.Abstractions.Runs;

/// <summary>
/// A grain of a run was called for a phase but holds no state: it was re-activated on another silo
/// after its own silo was lost. The coordinator answers by restoring every grain of the run from the
/// last checkpoint; it is never a bug in the model.
/// </summary>
[GenerateSerializer, Alias("MarketSim.RunStateLostException")]
public sealed class RunStateLostException : Exception
{
    public RunStateLostException(string grain)
        : base($"{grain} has no state: its silo was lost and it was re-activated elsewhere")
    {
    }
}
