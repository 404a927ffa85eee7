namespace MarketSim.Grains.Checkpoints;

/// <summary>One stored checkpoint of one grain: the tick it resumes at (-1: empty) and the Engine state bytes.</summary>
[GenerateSerializer, Alias("MarketSim.CheckpointSlot")]
public sealed class CheckpointSlot
{
    [Id(0)]
    public long Tick { get; set; } = -1;

    [Id(1)]
    public byte[] State { get; set; } = [];
}
