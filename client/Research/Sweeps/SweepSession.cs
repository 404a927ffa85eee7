using MarketSim.Client.Cli;
using MarketSim.Client.Display;
using MarketSim.Client.Runs;
using MarketSim.Engine.Sweeps;
using Spectre.Console;

namespace MarketSim.Client.Research.Sweeps;

/// <summary>
/// One <c>marketsim sweep</c>: plan and check the grid, skip the runs a previous attempt completed,
/// run the rest <see cref="SweepArguments.Parallel"/> at a time on one host (one embedded cluster for
/// Orleans, or the running cluster of <c>--cluster</c>, by default one run per active silo), keep the sweep table up to date as each finishes, and print what the sweep found.
/// </summary>
public static class SweepSession
{
    public static async Task<int> ExecuteAsync(SweepArguments options, CancellationToken cancellationToken)
    {
        var sweep = SweepPlanner.Plan(ScenarioFile.Open(options.ScenarioPath), options);
        RunFolder.RequireWritable(options.OutputFolder);
        var plan = sweep.Plan;
        var folder = Path.Combine(options.OutputFolder, plan.Id);
        var finished = plan.Runs.Where(run => run.IsCompleteIn(folder)).ToArray();

        // A finished run whose files do not read is named and run again, rather than failing the whole resume.
        var rows = new List<SweepRow>();
        var broken = new List<SweepRun>();
        foreach (var run in finished)
        {
            try
            {
                rows.Add(await SweepRow.ReadAsync(folder, run, options.Price, cancellationToken));
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]warning: run {run.Name} is broken ({e.Message}); running it again[/]");
                broken.Add(run);
            }
        }

        var done = finished.Except(broken).ToArray();
        var pending = plan.Runs.Except(done).ToArray();
        var counts = $"sweep {plan.Id}: {plan.Runs.Count} runs ({plan.Grid.Count} points × {plan.Replicas} replicas), {done.Length} already complete, {pending.Length} to run";

        using var table = new SweepTableFile(folder, plan.Grid, options.Settings.Format);
        await table.AddAsync(rows);

        var failed = 0;
        if (pending.Length == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"{counts}");
        }
        else
        {
            try
            {
                await using var host = await options.Settings.StartHostAsync(cancellationToken);
                var lanes = options.Parallel ?? options.Settings.DefaultParallel(host);
                AnsiConsole.MarkupLineInterpolated($"{counts}, {lanes} at a time on {options.Settings.Describe(host)}");
                var runner = new SweepRunner(sweep, folder, options, host, table, lanes);
                await SweepProgress.ShowAsync(options.Settings.ShowProgress, plan.Id, pending.Sum(run => sweep.Points[run.Point].Ticks), observer =>
                    RunInLanesAsync(pending, lanes, (run, lane) => runner.RunAsync(run, lane, observer, cancellationToken), cancellationToken));
                failed = runner.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Runs in progress stopped at a tick boundary and left incomplete traces (no manifest): a resume runs them again.
                AnsiConsole.MarkupLineInterpolated($"[yellow]sweep cancelled with {table.Rows.Count} of {plan.Runs.Count} runs complete; run the same command again to resume[/]");
                return ExitCodes.Interrupted;
            }
        }

        SweepSummaryView.Print(plan, table.Rows, table.Path);
        var unconserved = table.Rows.Count(row => !row.Summary.Conserved);
        if (failed > 0 || unconserved > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{failed} run(s) failed and {unconserved} broke conservation; run the same command again to retry failed runs[/]");
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Runs <paramref name="runs"/> in plan order, <paramref name="lanes"/> at a time: each lane takes the next run
    /// when its last one ends, so runs in flight together are always in different lanes, and on a cluster start
    /// their spread on different silos.
    /// </summary>
    private static async Task RunInLanesAsync(IReadOnlyList<SweepRun> runs, int lanes, Func<SweepRun, int, ValueTask> execute, CancellationToken cancellationToken)
    {
        var next = -1;
        async Task LaneAsync(int lane)
        {
            int index;
            while (!cancellationToken.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < runs.Count)
            {
                await execute(runs[index], lane);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(lanes, runs.Count)).Select(lane => Task.Run(() => LaneAsync(lane), CancellationToken.None)));

        // A run stopped by the token returns with an incomplete trace; the sweep as a whole was cancelled.
        cancellationToken.ThrowIfCancellationRequested();
    }
}
