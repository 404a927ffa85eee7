using System.Globalization;
using MarketSim.Abstractions.Runs;
using MarketSim.Client.Cli;
using MarketSim.Client.Runs;
using MarketSim.Engine.Calibration;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Sweeps;
using MarketSim.Engine.Traces;
using Spectre.Console;

namespace MarketSim.Client.Research.Calibration;

/// <summary>
/// One <c>marketsim calibrate-impact</c>: run the scenario with and without the flow (each replica
/// on its own seed, all concurrently on one host), report the move; with a target, bisect the
/// <c>--tune</c> values until the mean move is within tolerance and print the overrides that hit it.
/// Nothing is written to disk: the runs are cut at the measurement tick and only closes are kept.
/// </summary>
public static class ImpactSession
{
    public static async Task<int> ExecuteAsync(ImpactArguments options, CancellationToken cancellationToken)
    {
        var file = ScenarioFile.Open(options.ScenarioPath);
        var ranges = ParseRanges(options.Tune);
        var scenario = file.Load([.. options.Overrides, .. ranges.Select(r => r.Override(0))]);
        var probe = ImpactProbeFactory.Create(scenario, options);
        AnsiConsole.MarkupLineInterpolated(
            $"{Money(options.Flow)} to {probe.Participant} over ticks {probe.At}–{probe.FlowEndsAt}; price of {probe.Venue}/{probe.Instrument} measured at tick {probe.MeasuredAt}, against the same run without the flow; {options.Replicas} replica(s) on {options.Settings.Engine.ToString().ToLowerInvariant()}");

        await using var host = await options.Settings.StartHostAsync(cancellationToken);
        var measure = new Func<IReadOnlyList<string>, Task<ImpactMeasurement>>(async tuned =>
        {
            var replicas = await Task.WhenAll(Enumerable.Range(0, options.Replicas).Select(replica =>
                MeasureAsync(host, file, [.. options.Overrides, .. tuned], probe, options, replica, cancellationToken)));
            if (replicas.Length > 1)
            {
                // The spread says how much one seed can be trusted: near a cascade threshold it is wide.
                AnsiConsole.MarkupLineInterpolated($"  replicas: {string.Join(", ", replicas.Select(r => Percent(r.AtHorizon)))}");
            }

            return ImpactMeasurement.Mean(replicas);
        });

        if (options.Target is not { } target)
        {
            var measured = await measure([]);
            Print(measured);
            return ExitCodes.Success;
        }

        var results = new Dictionary<double, ImpactMeasurement>();
        var steps = await MonotoneSearch.FindAsync(
            async u =>
            {
                var measured = results[u] = await measure([.. ranges.Select(r => r.Override(u))]);
                AnsiConsole.MarkupLineInterpolated($"  {string.Join(", ", ranges.Select(r => r.Override(u)))}: move {Percent(measured.AtHorizon)}");
                return measured.AtHorizon;
            },
            target,
            options.Tolerance,
            options.Steps);

        var best = MonotoneSearch.Best(steps, target);
        Print(results[best.Position]);
        var hit = Math.Abs(best.Value - target) <= options.Tolerance;
        if (hit)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]target {Percent(target)} ± {Percent(options.Tolerance)} reached[/] with:");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"[red]no value tried reaches {Percent(target)} ± {Percent(options.Tolerance)}[/]; closest with:");
        }

        foreach (var range in ranges)
        {
            AnsiConsole.MarkupLineInterpolated($"  --set {range.Override(best.Position)}");
        }

        return hit ? ExitCodes.Success : ExitCodes.RunFailed;
    }

    private static async Task<ImpactMeasurement> MeasureAsync(IRunHost host, ScenarioFile file, IReadOnlyList<string> overrides, ImpactProbe probe, ImpactArguments options, int replica, CancellationToken cancellationToken)
    {
        var scenario = file.Load(overrides);
        var seed = replica == 0 ? scenario.Seed : SweepSeeds.Of(scenario.Seed, 0, replica);
        scenario = scenario with { Seed = seed };
        var runs = await Task.WhenAll(
            ClosesAsync(host, probe, probe.Baseline(scenario), "baseline", options, cancellationToken),
            ClosesAsync(host, probe, probe.WithFlow(scenario), "flow", options, cancellationToken));
        return probe.Measure(runs[0], runs[1]);
    }

    private static Task<double[]> ClosesAsync(IRunHost host, ImpactProbe probe, Scenario scenario, string label, ImpactArguments options, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                // Unique per call: a host may hold many of these runs at once.
                var id = $"calibrate-{scenario.Name}-{label}-seed{scenario.Seed}-{Guid.NewGuid():N}";
                var setup = new RunSetup(id, scenario, options.Settings.CohortSizeFor(scenario));
                var records = new List<TickRecord>();
                // A run recovered after a lost silo gives the same closes, so where that happened is not reported here.
                await foreach (var record in host.RunAsync(setup, new List<RunRecovery>(), cancellationToken))
                {
                    records.Add(record);
                }

                return probe.Closes(records);
            },
            cancellationToken);

    private static TuningRange[] ParseRanges(IReadOnlyList<string> texts)
    {
        var parsed = texts.Select(TuningRange.Parse).ToArray();
        var problems = parsed.Where(p => p.Problem is not null).Select(p => $"--tune: {p.Problem}").ToArray();
        return problems.Length == 0 ? [.. parsed.Select(p => p.Range!)] : throw new InputException(problems);
    }

    private static void Print(ImpactMeasurement measured)
    {
        var table = new Table().AddColumns("when", "price against the baseline");
        table.AddRow("when the flow ends", Percent(measured.AtFlowEnd));
        table.AddRow("at the measurement tick", Percent(measured.AtHorizon));
        table.AddRow("largest in between", Percent(measured.Largest));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"move: {Percent(measured.AtHorizon)}");
    }

    private static string Percent(double fraction) => fraction.ToString("+0.00%;-0.00%;0.00%", CultureInfo.InvariantCulture);

    private static string Money(double amount) => amount.ToString("+#,0;-#,0", CultureInfo.InvariantCulture);
}
