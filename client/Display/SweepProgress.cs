using System.Collections.Concurrent;
using MarketSim.Engine.Metrics;
using MarketSim.Engine.Sweeps;
using MarketSim.Engine.Traces;
using Spectre.Console;

namespace MarketSim.Client.Display;

/// <summary>
/// One display for a whole sweep: on a terminal, a bar for the sweep (in ticks, over every run to do)
/// and one for each run in flight; otherwise one line per finished run. Failures are always shown.
/// </summary>
internal static class SweepProgress
{
    public static async Task ShowAsync(bool enabled, string sweepId, int totalTicks, Func<ISweepObserver, Task> sweep)
    {
        if (!enabled || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            await sweep(new LineObserver(enabled));
            return;
        }

        await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(context => sweep(new LiveObserver(context, context.AddTask(Markup.Escape($"sweep {sweepId}"), maxValue: totalTicks))));
    }

    /// <summary>A one-line account of a finished run: its point, seed and what its first book's returns looked like.</summary>
    public static string Describe(SweepRun run, SweepRow row, TimeSpan elapsed)
    {
        var book = row.Summary.Books.FirstOrDefault();
        var facts = row.Facts.FirstOrDefault()?.Facts;
        return $"{run.Name}  {string.Join(' ', run.Overrides)}  seed {run.Seed}"
            + (book is null ? "" : $"  drawdown {book.MaxDrawdown:P1}")
            + (facts is null ? "" : $"  excess kurtosis {facts.ExcessKurtosis:F2}  Hill α {facts.HillAlpha:F2}  acf|r|(1) {facts.AbsoluteReturnAutocorrelationAt(1):F2}")
            + $"  ({elapsed.TotalSeconds:F1} s)";
    }

    // Standard error, like a failed `marketsim run`, so a log of the sweep's output still shows it.
    private static void ReportFailure(SweepRun run, Exception error) =>
        Console.Error.WriteLine($"run {run.Name} failed: {error.GetType().Name}: {error.Message}");

    private sealed class LineObserver(bool enabled) : ISweepObserver
    {
        private int _finished;

        public Action<TickRecord, RunSummaryBuilder> Started(SweepRun run, int ticks) => (_, _) => { };

        public void Completed(SweepRun run, SweepRow row, TimeSpan elapsed)
        {
            var finished = Interlocked.Increment(ref _finished);
            if (enabled)
            {
                Console.WriteLine($"[{finished}] {Describe(run, row, elapsed)}");
            }
        }

        public void Failed(SweepRun run, Exception error)
        {
            Interlocked.Increment(ref _finished);
            ReportFailure(run, error);
        }
    }

    private sealed class LiveObserver(ProgressContext context, ProgressTask sweep) : ISweepObserver
    {
        private readonly ConcurrentDictionary<SweepRun, ProgressTask> _runs = new();

        public Action<TickRecord, RunSummaryBuilder> Started(SweepRun run, int ticks)
        {
            var task = context.AddTask(Markup.Escape($"{run.Name} {string.Join(' ', run.Overrides)}"), maxValue: ticks);
            _runs[run] = task;
            return (_, summary) =>
            {
                task.Value = summary.Ticks;
                sweep.Increment(1);
            };
        }

        public void Completed(SweepRun run, SweepRow row, TimeSpan elapsed)
        {
            Finish(run);
            AnsiConsole.MarkupLine(Markup.Escape(Describe(run, row, elapsed)));
        }

        public void Failed(SweepRun run, Exception error)
        {
            Finish(run);
            ReportFailure(run, error);
        }

        private void Finish(SweepRun run)
        {
            if (_runs.TryRemove(run, out var task))
            {
                // A failed run never reaches its last tick: count what it did not do as done, so the sweep bar ends full.
                sweep.Increment(task.MaxValue - task.Value);
                task.StopTask();
            }
        }
    }
}
