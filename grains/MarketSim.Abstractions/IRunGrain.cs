using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Traces;
using Orleans.Concurrency;

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

    /// <summary>
    /// After the caller lost the coordinator (its silo died mid-call): restores every grain of the
    /// run from the last committed checkpoint at or before <paramref name="nextTick"/>, the first
    /// tick the caller has no rows for (from the start if there is none), and returns where the run
    /// resumes. On a new activation the checkpoint comes from storage. When the coordinator is alive
    /// and only its reply was lost, it sends the missing rows again instead and returns null.
    /// </summary>
    [Alias("Resume")]
    Task<RunRecovery?> Resume(RunSetup setup, long nextTick, string reason, string? lostSilo);

    /// <summary>
    /// The caller stops the run (Ctrl-C, SIGTERM): an Advance in progress returns after the tick it is
    /// in, with the rows so far; no tick runs after it; the run's checkpoints are removed and the
    /// coordinator deactivates. Interleaves with a running Advance so that it takes effect within a tick.
    /// </summary>
    [Alias("Cancel"), AlwaysInterleave]
    Task Cancel();
}
