using MarketSim.Abstractions.Runs;
using MarketSim.Client.Cli;
using MarketSim.Client.Display;
using MarketSim.Engine.Traces;
using Spectre.Console;

namespace MarketSim.Client.Runs;

/// <summary>One <c>marketsim run</c>: load and check the scenario, run it, write the trace, print the summary.</summary>
public static class RunSession
{
    public static async Task<int> ExecuteAsync(RunArguments options, CancellationToken cancellationToken)
    {
        var scenario = ScenarioFile.Open(options.ScenarioPath).Load(options.Overrides);
        var (runId, folder) = RunFolder.Claim(scenario, options.OutputFolder);
        var request = new PlannedRun(
            new RunSetup(runId, scenario, options.Settings.CohortSizeFor(scenario), options.Settings.CheckpointEveryFor(scenario)),
            Path.GetFullPath(options.ScenarioPath),
            options.Overrides,
            folder,
            options.Settings.Format);

        CompletedRun run;
        try
        {
            await using var host = await options.Settings.StartHostAsync(cancellationToken);
            run = await RunProgress.ShowAsync(options.Settings.ShowProgress, scenario, onTick => RunExecution.ExecuteAsync(host, request, onTick, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before a tick completed: the claimed folder holds nothing worth keeping.
            Directory.Delete(folder, recursive: true);
            AnsiConsole.MarkupLine("[yellow]run stopped before its first tick completed; no trace written[/]");
            return ExitCodes.Interrupted;
        }
        catch
        {
            // The run failed before writing: leave no empty folder that looks like a run.
            Directory.Delete(folder, recursive: true);
            throw;
        }

        RunFolder.Release(run.Folder);
        SummaryView.Print(run.Summary, run.Folder, run.Manifest.Engine, run.Manifest.Silos);
        if (!run.Complete)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]run stopped after tick {run.Manifest.CompletedTicks} of {run.Manifest.Ticks}: an incomplete trace ({TraceWriter.IncompleteManifestFileName}, no {TraceWriter.ManifestFileName}) is in {run.Folder}[/]");
            return ExitCodes.Interrupted;
        }

        if (!run.Summary.Conserved)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]conservation failed in {run.Summary.ConservationViolations} ticks: the trace is kept for diagnosis[/]");
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Success;
    }
}
