using MarketSim.Abstractions.Runs;
using MarketSim.Client.Cli;
using MarketSim.Client.Display;
using MarketSim.Client.Runs;
using MarketSim.Engine.Metrics;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Research.Facts;

/// <summary>
/// One <c>marketsim facts</c>: the scenario once per seed, <see cref="FactsOptions.Parallel"/> at a time on one
/// host, each run written by <see cref="RunExecution"/> (as <c>run</c> and <c>sweep</c> write theirs) into a
/// temporary folder that is deleted afterwards; then per fact the median and range over the seeds.
/// </summary>
public static class FactsSession
{
    public static async Task<int> ExecuteAsync(FactsOptions options, CancellationToken cancellationToken)
    {
        var results = await RunAsync(options, cancellationToken);
        FactsView.Print(options, results);
        var unconserved = results.Count(result => !result.Summary.Conserved);
        return unconserved == 0 ? ExitCodes.Success : ExitCodes.RunFailed;
    }

    /// <summary>Runs every seed and returns their facts in seed order; every scenario is checked before the first run starts.</summary>
    public static async Task<IReadOnlyList<SeedFacts>> RunAsync(FactsOptions options, CancellationToken cancellationToken)
    {
        var file = ScenarioFile.Open(options.ScenarioPath);
        var scenarios = options.Seeds.Select(seed => (Seed: seed, Scenario: file.Load([.. options.Overrides, $"seed={seed}"]))).ToArray();
        var scratch = Path.Combine(Path.GetTempPath(), $"marketsim-facts-{Guid.NewGuid():N}");
        var results = new SeedFacts[scenarios.Length];
        try
        {
            await using var host = await options.Settings.StartHostAsync(cancellationToken);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, scenarios.Length), parallel, async (i, token) =>
            {
                var (seed, scenario) = scenarios[i];
                results[i] = await RunOneAsync(host, file, options, seed, scenario, Path.Combine(scratch, $"seed-{seed}"), token);
            });
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        return results;
    }

    private static async Task<SeedFacts> RunOneAsync(IRunHost host, ScenarioFile file, FactsOptions options, long seed, Scenario scenario, string folder, CancellationToken cancellationToken)
    {
        var request = new PlannedRun(
            new RunSetup($"facts-{Guid.NewGuid():N}-{seed}", scenario, options.Settings.CohortSizeFor(scenario), options.Settings.CheckpointEveryFor(scenario)),
            Path.GetFullPath(file.Path),
            [.. options.Overrides, $"seed={seed}"],
            folder,
            TraceFormat.Parquet);
        var completed = await RunExecution.ExecuteAsync(host, request, (_, _) => { }, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (!completed.Complete)
        {
            throw new OperationCanceledException($"the run of seed {seed} stopped before its last tick");
        }

        var trace = await TraceReader.ReadAsync(folder, cancellationToken);
        return new SeedFacts(seed, completed.Summary, BookFacts.Of(trace.Market, options.Price));
    }
}
