namespace MarketSim.Engine.Traces;

/// <summary>
/// <c>manifest.json</c>: what was run, how, and the content hash of the trace. Written last, so a
/// folder with a manifest is a complete trace. A run stopped early (Ctrl-C, SIGTERM) writes the ticks
/// it completed and this record as <c>incomplete.json</c> instead, with <see cref="CompletedTicks"/> set,
/// so that nothing which looks for <c>manifest.json</c> takes it for a complete trace.
/// </summary>
/// <remarks>
/// <c>Overrides</c> are the <c>path=value</c> overrides applied to the scenario file, so that
/// <c>marketsim run</c> with the file, the seed and these reproduces the trace; null in manifests
/// written before they were recorded. <c>CheckpointEvery</c> is how often the run was checkpointed
/// (0: never) and <c>Recoveries</c> lists every recovery from a lost silo (empty when none; null in
/// manifests written before recoveries existed). Neither is part of the trace hash: a recovered run
/// has the trace of an uninterrupted one.
/// </remarks>
public sealed record RunManifest(
    string RunId,
    string Scenario,
    string ScenarioFile,
    long Seed,
    int Ticks,
    string Engine,
    int Silos,
    int CohortSize,
    string MarketSimVersion,
    string OrleansVersion,
    string DotnetVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string TraceHash,
    IReadOnlyList<string> Files,
    IReadOnlyList<string>? Overrides = null,
    int CheckpointEvery = 0,
    IReadOnlyList<RunRecovery>? Recoveries = null,
    int? CompletedTicks = null)
{
    /// <summary>False for a run stopped before its last tick; <see cref="CompletedTicks"/> then says how far it got.</summary>
    public bool Complete => CompletedTicks is null;
}

/// <summary>Final state of one order book.</summary>
public sealed record BookSummary(string Venue, string Instrument, double InitialPrice, double FinalPrice, double MaxDrawdown, double Volume);

/// <summary><c>summary.json</c>: the run at a glance.</summary>
public sealed record RunSummary(
    string RunId,
    int Ticks,
    IReadOnlyList<BookSummary> Books,
    double StopNotional,
    double MarginLiquidatedNotional,
    int CascadeTicks,
    int MaxCascadeRounds,
    bool Conserved,
    int ConservationViolations,
    string TraceHash)
{
    /// <summary>Ticks in which the resonance indicator was on for some instrument (0 in summaries written before it existed).</summary>
    public int ResonanceTicks { get; init; }
}
