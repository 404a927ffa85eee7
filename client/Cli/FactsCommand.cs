using System.CommandLine;
using MarketSim.Client.Research.Facts;
using MarketSim.Client.Runs;
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
        var ticks = new Option<int?>("--ticks") { Description = "Number of ticks (overrides the scenario's)." };
        var engine = new Option<string>("--engine") { Description = "direct (in-process reference, default) or orleans (embedded silos).", DefaultValueFactory = _ => "direct" };
        var silos = new Option<int>("--silos") { Description = "Embedded silos with --engine orleans.", DefaultValueFactory = _ => 1 };
        var parallel = new Option<int?>("--parallel") { Description = "Runs at a time (default: the number of processors)." };
        var price = ReturnPriceOption.Create();
        engine.AcceptOnlyFromAmong("direct", "orleans");
        SharedRunOptions.Positive(ticks, "--ticks");
        SharedRunOptions.Positive(parallel, "--parallel");
        SharedRunOptions.SiloCount(silos);

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
                Settings: new RunSettings(result.GetValue(engine) == "orleans" ? EngineKind.Orleans : EngineKind.Direct, result.GetValue(silos), CohortSize: null, TraceFormat.Parquet, ShowProgress: false)),
            cancellationToken));
        return command;
    }
}
