using System.CommandLine;
using MarketSim.Client.Research.Facts;
using MarketSim.Client.Runs;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Cli;

/// <summary><c>marketsim facts &lt;scenario&gt; --seeds 1-10</c>: a scenario's stylized facts over several seeds, without keeping traces.</summary>
public static class FactsCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Path of the scenario YAML file." };
        var seeds = new Option<string>("--seeds") { Description = "Seeds to run, e.g. 1-10 or 1-5,9 (default 1-10).", DefaultValueFactory = _ => "1-10" };
        var set = new Option<string[]>("--set") { Description = "An override for every run: path=value (repeatable), e.g. retail.count=10000.", AllowMultipleArgumentsPerToken = false };
        var ticks = NumberOptions.Optional<int>("--ticks", $"Number of ticks (overrides the scenario's; at most {ScenarioLimits.MaxTicks}).", 1, ScenarioLimits.MaxTicks);
        var engine = new Option<string>("--engine") { Description = "direct (in-process reference, default) or orleans (embedded silos).", DefaultValueFactory = _ => "direct" };
        var silos = NumberOptions.WithDefault("--silos", "Embedded silos with --engine orleans.", 1, 1, 16);
        var parallel = NumberOptions.Optional<int>("--parallel", "Runs at a time (default: the number of processors).", 1);
        var price = ReturnPriceOption.Create();
        engine.AcceptOnlyFromAmong("direct", "orleans");

        var command = new Command("facts", "Run a scenario once per seed and print its stylized facts: median and [min, max] over the seeds, and each seed's.")
        {
            scenario, seeds, set, ticks, engine, silos, parallel, price,
        };
        command.SetAction((result, cancellationToken) => FactsSession.ExecuteAsync(
            new FactsOptions(
                ScenarioPath: result.GetRequiredValue(scenario),
                Overrides: [.. result.GetValue(set) ?? [], .. result.GetValue(ticks) is { } n ? [$"ticks={n}"] : Array.Empty<string>()],
                Seeds: SeedList.Parse(result.GetRequiredValue(seeds)),
                Parallel: result.GetValue(parallel) ?? Environment.ProcessorCount,
                Price: ReturnPriceOption.Read(result, price),
                Settings: new ExecutionSettings(result.GetValue(engine) == "orleans" ? EngineKind.Orleans : EngineKind.Direct, result.GetValue(silos), CohortSize: null, TraceFormat.Parquet, ShowProgress: false)),
            cancellationToken));
        return command;
    }
}
