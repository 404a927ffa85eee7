using MarketSim.Abstractions.Runs;
using MarketSim.Client.Cli;
using MarketSim.Client.Display;
using MarketSim.Engine.Scenarios;
using Spectre.Console;

namespace MarketSim.Client.Runs;

/// <summary>One <c>marketsim run</c>: load and check the scenario, run it, write the trace, print the summary.</summary>
public static class RunSession
{
    public static async Task<int> ExecuteAsync(RunArguments options, CancellationToken cancellationToken)
    {
        var scenario = ScenarioFile.Open(options.ScenarioPath).Load(options.Overrides);
        var runId = NewRunId(scenario, options.OutputFolder);
        var request = new PlannedRun(
            new RunSetup(runId, scenario, options.Settings.CohortSizeFor(scenario), options.Settings.CheckpointEveryFor(scenario)),
            Path.GetFullPath(options.ScenarioPath),
            options.Overrides,
            Path.Combine(options.OutputFolder, runId),
            options.Settings.Format);

        CompletedRun run;
        try
        {
            await using var host = await options.Settings.StartHostAsync(cancellationToken);
            run = await RunProgress.ShowAsync(options.Settings.ShowProgress, scenario, onTick => RunExecution.ExecuteAsync(host, request, onTick, cancellationToken));
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]run cancelled; no trace written[/]");
            return ExitCodes.RunFailed;
        }

        SummaryView.Print(run.Summary, run.Folder, run.Manifest.Engine, run.Manifest.Silos);
        if (!run.Summary.Conserved)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]conservation failed in {run.Summary.ConservationViolations} ticks: the trace is kept for diagnosis[/]");
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Success;
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
}
