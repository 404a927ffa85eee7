using System.CommandLine;
using MarketSim.Client.Runs;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Cli;

/// <summary>
/// The options <c>run</c> and <c>sweep</c> share — scenario seed and length, engine, embedded silos or
/// a running cluster, trace format, progress — declared once so that both parse, validate and
/// document them alike.
/// </summary>
internal sealed class SharedRunOptions
{
    private readonly ClusterArguments _cluster = new();
    private readonly Option<long?> _seed = NumberOptions.Optional<long>("--seed", "Random seed (overrides the scenario's).");
    private readonly Option<int?> _ticks = NumberOptions.Optional<int>("--ticks", $"Number of ticks (overrides the scenario's; at most {ScenarioLimits.MaxTicks}).", 1, ScenarioLimits.MaxTicks);
    private readonly Option<string> _engine = new("--engine") { Description = "orleans (grains on silos) or direct (in-process reference).", DefaultValueFactory = _ => "orleans" };
    private readonly Option<int> _silos = NumberOptions.WithDefault("--silos", "Number of embedded in-process silos.", 1, 1, 16);
    private readonly Option<int?> _cohortSize = NumberOptions.Optional<int>("--cohort-size", "Retail agents per cohort grain (overrides the scenario's).", 1);
    private readonly Option<string> _format = new("--format") { Description = "Trace table format: parquet or csv.", DefaultValueFactory = _ => "parquet" };
    private readonly Option<bool> _quiet = new("--quiet") { Description = "No live progress display." };
    private readonly Option<int?> _checkpointEvery = NumberOptions.Optional<int>(
        "--checkpoint-every",
        $"Checkpoint the run every K ticks so it survives a lost silo (0 = off; default: the scenario's checkpoint.everyTicks, else {ExecutionSettings.DefaultClusterCheckpointEvery} with --cluster and off otherwise).",
        0);

    public SharedRunOptions()
    {
        _engine.AcceptOnlyFromAmong("orleans", "direct");
        _format.AcceptOnlyFromAmong("parquet", "csv");
    }

    /// <summary>
    /// Adds the shared options to <paramref name="command"/>; a command that writes no trace and
    /// chooses its own run length (<paramref name="writesTraces"/> false) leaves out --ticks and --format.
    /// </summary>
    public void AddTo(Command command, bool writesTraces = true)
    {
        Option[] options = writesTraces ? [_seed, _ticks, _engine, _silos, _cohortSize, _format, _quiet, _checkpointEvery] : [_seed, _engine, _silos, _cohortSize, _quiet];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        _cluster.AddTo(command);
        command.Validators.Add(result => _cluster.RejectConflicts(result, _engine, _silos));
    }

    /// <summary><c>--seed</c> and <c>--ticks</c> as scenario overrides (<c>seed=7</c>, <c>ticks=300</c>).</summary>
    public IReadOnlyList<string> ScenarioOverrides(ParseResult result) =>
    [
        .. result.GetValue(_seed) is { } seed ? [$"seed={seed}"] : Array.Empty<string>(),
        .. result.GetValue(_ticks) is { } ticks ? [$"ticks={ticks}"] : Array.Empty<string>(),
    ];

    public ExecutionSettings Settings(ParseResult result) => new(
        result.GetValue(_engine) == "direct" ? EngineKind.Direct : EngineKind.Orleans,
        result.GetValue(_silos),
        result.GetValue(_cohortSize),
        result.GetValue(_format) == "csv" ? TraceFormat.Csv : TraceFormat.Parquet,
        ShowProgress: !result.GetValue(_quiet),
        Cluster: _cluster.Read(result),
        CheckpointEvery: result.GetValue(_checkpointEvery));
}
