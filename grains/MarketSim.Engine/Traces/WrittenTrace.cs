namespace MarketSim.Engine.Traces;

/// <summary>A trace in its folder: the manifest and summary as written (trace hash and file list set) and the files, manifest last.</summary>
public sealed record WrittenTrace(RunManifest Manifest, RunSummary Summary, IReadOnlyList<string> Files);
