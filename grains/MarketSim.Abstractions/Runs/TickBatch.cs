using MarketSim.Engine.Traces;

namespace MarketSim.Abstractions.Runs;

/// <summary>The rows of the ticks one <see cref="IRunGrain.Advance"/> call ran.</summary>
[GenerateSerializer, Immutable, Alias("MarketSim.TickBatch")]
public sealed record TickBatch(
    [property: Id(0)] IReadOnlyList<TickRecord> Records,
    [property: Id(1)] long NextTick,
    [property: Id(2)] bool Finished);
