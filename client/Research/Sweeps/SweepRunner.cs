using System.Diagnostics;
using MarketSim.Abstractions.Runs;
using MarketSim.Client.Display;
using MarketSim.Client.Runs;
using MarketSim.Engine.Sweeps;

namespace MarketSim.Client.Research.Sweeps;

/// <summary>
/// Executes the runs of one sweep on a shared host, each as an independent run with its own folder,
/// and adds each completed run to the sweep table. Safe to call for several runs at once.
/// </summary>
/// <remarks>
/// With several runs in flight (<paramref name="lanes"/> above 1) each run stays on its lane's silo
/// (<see cref="RunSetup.OneSilo"/>): spread over every silo, each of them would pay for serializing its orders and
/// fills between silos, and on two silos a sweep ran slower than on one.
/// </remarks>
internal sealed class SweepRunner(PlannedSweep sweep, string sweepFolder, SweepArguments options, IRunHost host, SweepTableFile table, int lanes)
{
    private readonly string _scenarioFile = Path.GetFullPath(options.ScenarioPath);
    private int _failed;

    /// <summary>Runs that threw so far; they have no manifest, so the next attempt redoes them.</summary>
    public int Failed => _failed;

    /// <summary>
    /// Runs <paramref name="run"/> in <paramref name="lane"/>, one of the sweep's runs-at-a-time: runs in different
    /// lanes start on different silos (<see cref="RunSetup.SpreadOffset"/>) and, several at once, each keep to that silo.
    /// </summary>
    public async ValueTask RunAsync(SweepRun run, int lane, ISweepObserver observer, CancellationToken cancellationToken)
    {
        var scenario = sweep.Points[run.Point] with { Seed = run.Seed };
        var request = new PlannedRun(
            // Run ids name grains: qualified by the sweep, they cannot meet another sweep's on a shared cluster.
            new RunSetup($"{sweep.Plan.Id}/{run.Name}", scenario, options.Settings.CohortSizeFor(scenario), options.Settings.CheckpointEveryFor(scenario), SpreadOffset: lane, OneSilo: lanes > 1),
            _scenarioFile,
            [.. sweep.Plan.FixedOverrides, .. run.Overrides, $"seed={run.Seed}"],
            Path.Combine(sweepFolder, run.Folder),
            options.Settings.Format);

        var clock = Stopwatch.StartNew();
        try
        {
            var completed = await RunExecution.ExecuteAsync(host, request, observer.Started(run, scenario.Ticks), cancellationToken);
            if (!completed.Complete)
            {
                // Stopped: its incomplete trace has no manifest, so the next attempt runs it again.
                return;
            }

            var row = await SweepRow.ReadAsync(sweepFolder, run, options.Price, cancellationToken);
            await table.AddAsync([row]);
            observer.Completed(run, row, clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One broken run should not throw away the others: report it, keep going, retry on the next attempt.
            Interlocked.Increment(ref _failed);
            observer.Failed(run, e);
        }
    }
}
