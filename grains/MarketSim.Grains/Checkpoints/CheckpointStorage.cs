using MarketSim.Grains.Hosting;

namespace MarketSim.Grains.Checkpoints;

/// <summary>The names under which run grains keep their checkpoints in the <see cref="ClusterDefaults.CheckpointStorage"/> provider.</summary>
internal static class CheckpointStorage
{
    public const string Provider = ClusterDefaults.CheckpointStorage;

    /// <summary>The first of the two generations a venue or participant keeps.</summary>
    public const string SlotA = "checkpoint-a";

    /// <summary>The second generation.</summary>
    public const string SlotB = "checkpoint-b";

    /// <summary>The coordinator's record, whose write commits a checkpoint.</summary>
    public const string Run = "run-checkpoint";
}
