using MarketSim.Engine.Metrics;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;
using Spectre.Console;

namespace MarketSim.Client.Display;

/// <summary>The live view of a run: tick, price and forced selling as they happen.</summary>
public static class RunProgress
{
    /// <summary>Runs <paramref name="run"/>, handing it the callback that shows each tick.</summary>
    public static async Task<T> ShowAsync<T>(bool enabled, Scenario scenario, Func<Action<TickRecord, RunSummaryBuilder>, Task<T>> run)
    {
        if (!enabled || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Redirected output gets a line every tenth of the run rather than a redrawn bar.
            var step = Math.Max(1, scenario.Ticks / 10);
            return await run((record, summary) =>
            {
                if (enabled && (summary.Ticks % step == 0 || summary.Ticks == scenario.Ticks))
                {
                    Console.WriteLine(Markup.Remove(Describe(scenario, record, summary)));
                }
            });
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(context =>
            {
                var task = context.AddTask(Markup.Escape(scenario.Name), maxValue: scenario.Ticks);
                return run((record, summary) =>
                {
                    task.Value = summary.Ticks;
                    task.Description = Describe(scenario, record, summary);
                });
            });
    }

    private static string Describe(Scenario scenario, TickRecord record, RunSummaryBuilder summary)
    {
        var prices = string.Join("  ", record.Market.Select(m => $"{m.Instrument}@{m.Venue} {m.Close:N2}"));
        return Markup.Escape($"tick {record.Tick + 1}/{scenario.Ticks}  {prices}  forced {summary.ForcedNotional:N0}");
    }
}
