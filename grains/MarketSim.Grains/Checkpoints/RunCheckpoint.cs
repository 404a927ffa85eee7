namespace MarketSim.Grains.Checkpoints;

/// <summary>
/// The coordinator's record of the last committed checkpoint — the tick the run resumes at (0: none)
/// and the tick cycle's state — and of the one before it, which the grains still hold unless a later
/// checkpoint was torn. It is written after every venue and participant has stored its part, so
/// writing it is what commits a checkpoint.
/// </summary>
[GenerateSerializer, Alias("MarketSim.RunCheckpoint")]
public sealed class RunCheckpoint
{
    [Id(0)]
    public long Tick { get; set; }

    [Id(1)]
    public byte[] Cycle { get; set; } = [];

    [Id(2)]
    public long PreviousTick { get; set; }

    [Id(3)]
    public byte[] PreviousCycle { get; set; } = [];
}
