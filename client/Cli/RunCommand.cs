using System.CommandLine;
using MarketSim.Client.Runs;

namespace MarketSim.Client.Cli;

/// <summary><c>marketsim run &lt;scenario&gt;</c>: one run, on the embedded silo by default or on a cluster with <c>--cluster</c>.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Path of the scenario YAML file." };
        var output = new Option<string>("--out") { Description = "Folder that receives the run's trace folder.", DefaultValueFactory = _ => "runs" };
        var set = new Option<string[]>("--set") { Description = "Override a scenario value: path=value (repeatable), e.g. retail.count=50000.", AllowMultipleArgumentsPerToken = false };
        var shared = new SharedRunOptions();

        var command = new Command("run", "Run a scenario and write its trace.") { scenario, output, set };
        shared.AddTo(command);

        command.SetAction((result, cancellationToken) => RunSession.ExecuteAsync(
            new RunArguments(
                ScenarioPath: result.GetRequiredValue(scenario),
                // --seed and --ticks last, so they win over a --set of the same field.
                Overrides: [.. result.GetValue(set) ?? [], .. shared.ScenarioOverrides(result)],
                OutputFolder: result.GetRequiredValue(output),
                Settings: shared.Settings(result)),
            cancellationToken));
        return command;
    }
}
