using MarketSim.Abstractions.Runs;

namespace MarketSim.Abstractions;

/// <summary>
/// The run coordinator: builds a run's venues and participants, then drives ticks through their
/// phases by awaiting each one. It sequences and collects small summaries; orders and fills go
/// between participants and venues directly. Keyed by run id.
/// </summary>
[Alias("MarketSim.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Creates and initializes every grain of the run. Idempotent for the same setup.</summary>
    [Alias("Start")]
    Task Start(RunSetup setup);

    /// <summary>
    /// Runs up to <paramref name="maxTicks"/> ticks (fewer if the call has run long, so it never
    /// nears the response timeout) and returns their trace rows.
    /// </summary>
    [Alias("Advance")]
    Task<TickBatch> Advance(int maxTicks);
}
