namespace MarketSim.Engine.Traces;

/// <summary>
/// <c>manifest.json</c>: what was run, how, and the content hash of the trace. Written last, so a
/// folder with a manifest is a complete trace.
/// </summary>
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
    IReadOnlyList<string> Files);

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
    string TraceHash);
