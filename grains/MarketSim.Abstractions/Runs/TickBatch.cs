using MarketSim.Engine.Traces;

namespace MarketSim.Abstractions.Runs;

/// <summary>
/// The rows of the ticks one <see cref="IRunGrain.Advance"/> call ran, and what else happened in it.
/// After a recovery <see cref="Records"/> can repeat ticks the caller already has: the replay.
/// </summary>
/// <param name="Records">The rows, in tick order.</param>
/// <param name="NextTick">The tick the next call runs.</param>
/// <param name="Finished">True once the last tick has run.</param>
/// <param name="Checkpoint">The tick the last committed checkpoint resumes at (0: none yet).</param>
/// <param name="Recoveries">Recoveries the coordinator made during this call.</param>
/// <param name="Silo">The silo hosting the coordinator (its runtime identity), so a caller can tell which silo's loss it must handle itself.</param>
[GenerateSerializer, Immutable, Alias("MarketSim.TickBatch")]
public sealed record TickBatch(
    [property: Id(0)] IReadOnlyList<TickRecord> Records,
    [property: Id(1)] long NextTick,
    [property: Id(2)] bool Finished,
    [property: Id(3)] long Checkpoint = 0,
    [property: Id(4)] IReadOnlyList<RunRecovery>? Recoveries = null,
    [property: Id(5)] string Silo = "");
