using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Runs;

/// <summary>
/// One run to execute: its setup, the scenario file's full path and the overrides that made the
/// setup's scenario from it (both for the manifest), the run folder its trace goes to, and the format.
/// </summary>
public sealed record PlannedRun(RunSetup Setup, string ScenarioFile, IReadOnlyList<string> Overrides, string Folder, TraceFormat Format);
