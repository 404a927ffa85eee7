namespace MarketSim.Abstractions.Runs;

/// <summary>
/// A venue or participant grain holds no checkpoint for the tick it was asked to restore: a later
/// checkpoint was torn (its silo died while grains were writing it). Only this exception makes a
/// resuming coordinator fall back to an older checkpoint; any other failure fails the run.
/// </summary>
[GenerateSerializer, Alias("MarketSim.CheckpointMissingException")]
public sealed class CheckpointMissingException : Exception
{
    public CheckpointMissingException(string grain, long tick, long first, long second)
        : base($"{grain} holds no checkpoint for tick {tick} (it has {first} and {second})")
    {
        Tick = tick;
    }

    /// <summary>The tick whose checkpoint was asked for.</summary>
    [Id(0)]
    public long Tick { get; private set; }
}
