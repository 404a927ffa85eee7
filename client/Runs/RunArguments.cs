namespace MarketSim.Client.Runs;

/// <summary>
/// A run as the user asked for it on the command line. <see cref="Overrides"/> holds every
/// <c>path=value</c> override, <c>--seed</c> and <c>--ticks</c> included, in the order they apply.
/// </summary>
public sealed record RunArguments(string ScenarioPath, IReadOnlyList<string> Overrides, string OutputFolder, ExecutionSettings Settings);
