using System.Reflection;
using MarketSim.Abstractions.Runs;
using MarketSim.Client.Cli;
using MarketSim.Client.Display;
using MarketSim.Engine.Metrics;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;
using Spectre.Console;

namespace MarketSim.Client.Runs;

/// <summary>One <c>marketsim run</c>: load and check the scenario, run it, write the trace, print the summary.</summary>
public static class RunSession
{
    public static async Task<int> ExecuteAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var scenario = LoadScenario(options);
        var cohortSize = options.CohortSize ?? scenario.Retail.CohortSize;
        var runId = NewRunId(scenario, options.OutputFolder);
        var setup = new RunSetup(runId, scenario, cohortSize);
        var started = DateTimeOffset.UtcNow;

        var trace = new Trace();
        var summary = new RunSummaryBuilder();
        string engine;
        int silos;
        try
        {
            await using var host = await StartHostAsync(options, cancellationToken);
            engine = host.Engine;
            silos = host.Silos;
            await RunProgress.ShowAsync(options.ShowProgress, scenario, host.RunAsync(setup, cancellationToken), record =>
            {
                trace.Add(record);
                summary.Add(record);
                return summary;
            });
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]run cancelled; no trace written[/]");
            return ExitCodes.RunFailed;
        }

        var hash = TraceHasher.Hash(trace);
        var runSummary = summary.Build(runId, hash);
        var manifest = new RunManifest(
            runId, scenario.Name, Path.GetFullPath(options.ScenarioPath), scenario.Seed, scenario.Ticks, engine, silos, cohortSize,
            Version(typeof(RunSession).Assembly), Version(typeof(IGrain).Assembly), Environment.Version.ToString(),
            started, DateTimeOffset.UtcNow, hash, []);
        var folder = Path.Combine(options.OutputFolder, runId);
        await TraceWriter.WriteAsync(folder, trace, manifest, runSummary, options.Csv ? TraceFormat.Csv : TraceFormat.Parquet, CancellationToken.None);

        SummaryView.Print(runSummary, folder, engine, silos);
        if (!runSummary.Conserved)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]conservation failed in {runSummary.ConservationViolations} ticks: the trace is kept for diagnosis[/]");
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Success;
    }

    private static async Task<IRunHost> StartHostAsync(RunOptions options, CancellationToken cancellationToken) => options switch
    {
        { Engine: EngineKind.Direct } => new DirectRunHost(),
        { Cluster: { } cluster } => await OrleansRunHost.ConnectAsync(cluster, cancellationToken),
        _ => await OrleansRunHost.StartEmbeddedAsync(options.Silos, cancellationToken),
    };

    private static Scenario LoadScenario(RunOptions options)
    {
        if (!File.Exists(options.ScenarioPath))
        {
            throw new InputException([$"{options.ScenarioPath}: file not found"]);
        }

        var overrides = new List<string>(options.Overrides);
        if (options.Seed is { } seed)
        {
            overrides.Add($"seed={seed}");
        }

        if (options.Ticks is { } ticks)
        {
            overrides.Add($"ticks={ticks}");
        }

        var result = ScenarioReader.Read(File.ReadAllText(options.ScenarioPath), options.ScenarioPath, overrides);
        if (!result.Ok || result.Scenario is null)
        {
            throw new InputException(result.Problems.Select(p => $"{options.ScenarioPath}: {p}").ToArray());
        }

        return result.Scenario;
    }

    private static string NewRunId(Scenario scenario, string outputFolder)
    {
        var stem = $"{scenario.Name}-seed{scenario.Seed}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var id = stem;
        for (var n = 2; Directory.Exists(Path.Combine(outputFolder, id)); n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
