using MarketSim.Engine.Traces;

namespace MarketSim.Client.Runs;

/// <summary>A run whose trace is on disk in <see cref="Folder"/>: complete, or up to where it was stopped.</summary>
public sealed record CompletedRun(string Folder, RunManifest Manifest, RunSummary Summary)
{
    public bool Complete => Manifest.Complete;
}
