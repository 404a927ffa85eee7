using MarketSim.Engine.Metrics;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;
using Spectre.Console;

namespace MarketSim.Client.Display;

/// <summary>The live view of a run: tick, price and forced selling as they happen.</summary>
public static class RunProgress
{
    public static async Task ShowAsync(bool enabled, Scenario scenario, IAsyncEnumerable<TickRecord> records, Func<TickRecord, RunSummaryBuilder> consume)
    {
        if (!enabled || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            await PlainAsync(enabled, scenario, records, consume);
            return;
        }

        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(scenario.Name, maxValue: scenario.Ticks);
                await foreach (var record in records)
                {
                    var summary = consume(record);
                    task.Value = summary.Ticks;
                    task.Description = Describe(scenario, record, summary);
                }
            });
    }

    private static async Task PlainAsync(bool enabled, Scenario scenario, IAsyncEnumerable<TickRecord> records, Func<TickRecord, RunSummaryBuilder> consume)
    {
        var step = Math.Max(1, scenario.Ticks / 10);
        await foreach (var record in records)
        {
            var summary = consume(record);
            if (enabled && (summary.Ticks % step == 0 || summary.Ticks == scenario.Ticks))
            {
                Console.WriteLine(Markup.Remove(Describe(scenario, record, summary)));
            }
        }
    }

    private static string Describe(Scenario scenario, TickRecord record, RunSummaryBuilder summary)
    {
        var prices = string.Join("  ", record.Market.Select(m => $"{m.Instrument}@{m.Venue} {m.Close:N2}"));
        return Markup.Escape($"tick {record.Tick + 1}/{scenario.Ticks}  {prices}  forced {summary.ForcedNotional:N0}");
    }
}
