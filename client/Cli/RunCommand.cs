using System.CommandLine;
using MarketSim.Client.Runs;

namespace MarketSim.Client.Cli;

/// <summary><c>marketsim run &lt;scenario&gt;</c>: one run, on the embedded silo by default or on a cluster with <c>--cluster</c>.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Path of the scenario YAML file." };
        var seed = new Option<long?>("--seed") { Description = "Random seed (overrides the scenario's)." };
        var ticks = new Option<int?>("--ticks") { Description = "Number of ticks (overrides the scenario's)." };
        var output = new Option<string>("--out") { Description = "Folder that receives the run's trace folder.", DefaultValueFactory = _ => "runs" };
        var engine = new Option<string>("--engine") { Description = "orleans (grains on silos) or direct (in-process reference).", DefaultValueFactory = _ => "orleans" };
        engine.AcceptOnlyFromAmong("orleans", "direct");
        var silos = new Option<int>("--silos") { Description = "Number of embedded in-process silos.", DefaultValueFactory = _ => 1 };
        var cohortSize = new Option<int?>("--cohort-size") { Description = "Retail agents per cohort grain (overrides the scenario's)." };
        var format = new Option<string>("--format") { Description = "Trace table format: parquet or csv.", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var set = new Option<string[]>("--set") { Description = "Override a scenario value: path=value (repeatable), e.g. retail.count=50000.", AllowMultipleArgumentsPerToken = false };
        var quiet = new Option<bool>("--quiet") { Description = "No live progress display." };
        var cluster = new ClusterArguments();

        Positive(ticks, "--ticks");
        Positive(cohortSize, "--cohort-size");
        silos.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value is < 1 or > 16)
            {
                r.AddError($"--silos: must be between 1 and 16, got {value}");
            }
        });

        var command = new Command("run", "Run a scenario and write its trace.") { scenario, seed, ticks, output, engine, silos, cohortSize, format, set, quiet };
        cluster.AddTo(command);
        command.Validators.Add(result => cluster.RejectConflicts(result, engine, silos));
        command.SetAction((result, cancellationToken) =>
        {
            var options = new RunOptions(
                ScenarioPath: result.GetRequiredValue(scenario),
                Seed: result.GetValue(seed),
                Ticks: result.GetValue(ticks),
                OutputFolder: result.GetRequiredValue(output),
                Engine: result.GetRequiredValue(engine) == "direct" ? EngineKind.Direct : EngineKind.Orleans,
                Silos: result.GetValue(silos),
                Cluster: cluster.Read(result),
                CohortSize: result.GetValue(cohortSize),
                Csv: result.GetRequiredValue(format) == "csv",
                Overrides: result.GetValue(set) ?? [],
                ShowProgress: !result.GetValue(quiet));
            return RunSession.ExecuteAsync(options, cancellationToken);
        });
        return command;
    }

    private static void Positive(Option<int?> option, string name) =>
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int?>();
            if (value is <= 0)
            {
                r.AddError($"{name}: must be > 0, got {value}");
            }
        });
}
