using System.CommandLine;
using MarketSim.Client.Research.Sweeps;

namespace MarketSim.Client.Cli;

/// <summary><c>marketsim sweep &lt;scenario&gt;</c>: a grid of overrides × replicas, run concurrently, resumable.</summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Path of the scenario YAML file." };
        var set = new Option<string[]>("--set") { Description = "A swept value: path=v1,v2,... (repeatable; the grid is every combination), e.g. funds[0].targetLeverage=1,2,4.", AllowMultipleArgumentsPerToken = false };
        var replicas = NumberOptions.Optional<int>("--replicas", "Runs per grid point, each with its own seed (default 1).", 1);
        var parallel = NumberOptions.Optional<int>("--parallel", "Runs at a time (default: the cluster's active silos with --cluster, else the number of processors).", 1);
        var output = new Option<string>("--out") { Description = "Folder that receives the sweep folder.", DefaultValueFactory = _ => "sweeps" };
        var price = ReturnPriceOption.Create();
        var shared = new SharedRunOptions();

        var command = new Command("sweep", "Run a scenario over a grid of values, several seeds each, and tabulate the results.") { scenario, set, replicas, parallel, output, price };
        shared.AddTo(command);

        command.SetAction((result, cancellationToken) => SweepSession.ExecuteAsync(
            new SweepArguments(
                ScenarioPath: result.GetRequiredValue(scenario),
                FixedOverrides: shared.ScenarioOverrides(result),
                Sets: result.GetValue(set) ?? [],
                Replicas: result.GetValue(replicas) ?? 1,
                Parallel: result.GetValue(parallel),
                OutputFolder: result.GetRequiredValue(output),
                Settings: shared.Settings(result),
                Price: ReturnPriceOption.Read(result, price)),
            cancellationToken));
        return command;
    }
}
