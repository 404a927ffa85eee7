using MarketSim.Engine.Traces;

namespace MarketSim.Client.Runs;

/// <summary>A run whose complete trace is on disk in <see cref="Folder"/>.</summary>
public sealed record CompletedRun(string Folder, RunManifest Manifest, RunSummary Summary);
