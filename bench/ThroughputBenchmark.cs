using System.Diagnostics;
using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;
using MarketSim.Grains.Hosting;

namespace MarketSim.Bench;

/// <summary>
/// Agent-ticks per second of the same scenario on the direct engine and on Orleans (embedded
/// silos), side by side. A whole-run measure, so it includes matching, messaging and recording.
/// </summary>
public static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var agents = Option(args, "--agents", 1_000_000L);
        var ticks = (int)Option(args, "--ticks", 20L);
        var silos = (int)Option(args, "--silos", 1L);
        var cohortSize = (int)Option(args, "--cohort-size", 20_000L);
        var scenarioFile = Text(args, "--scenario", Path.Combine(RepositoryRoot(), "scenarios", "quickstart.yaml"));

        var result = ScenarioReader.Read(File.ReadAllText(scenarioFile), scenarioFile, [$"retail.count={agents}", $"ticks={ticks}", $"retail.cohortSize={cohortSize}"]);
        if (!result.Ok)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, result.Problems));
            return 2;
        }

        var scenario = result.Scenario!;
        Console.WriteLine($"scenario {Path.GetFileName(scenarioFile)}: {agents:N0} retail agents in cohorts of {cohortSize:N0}, {ticks} ticks, {Environment.ProcessorCount} cores");

        var host = Text(args, "--host", "both");
        var direct = host is "both" or "direct" ? await Measure("direct", scenario, () => RunDirect(scenario)) : 0;
        var orleans = host is "both" or "orleans" ? await Measure($"orleans ({silos} silo)", scenario, () => RunOrleans(scenario, silos, cohortSize)) : 0;
        if (direct > 0 && orleans > 0)
        {
            Console.WriteLine($"orleans / direct: {orleans / direct:P0}");
        }

        if (host is "both" or "direct")
        {
            Console.WriteLine($"{"messages",-18} {await MeasureMessages(scenario, cohortSize)}");
        }

        return 0;
    }

    private static async Task<double> Measure(string name, Scenario scenario, Func<Task<RunTiming>> run)
    {
        GC.Collect();
        using var phases = new PhaseBreakdown();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var timing = await run();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var rate = scenario.Retail.Count * (double)scenario.Ticks / timing.Ticks.TotalSeconds;
        Console.WriteLine(
            $"{name,-18} {rate,14:N0} agent-ticks/s  {timing.Ticks.TotalMilliseconds / scenario.Ticks,8:N1} ms/tick  " +
            $"cpu {timing.Cpu.TotalMilliseconds / scenario.Ticks,8:N1} ms/tick  setup {timing.Setup.TotalSeconds,5:N1} s  {allocated / 1024.0 / 1024 / scenario.Ticks,7:N1} MiB allocated/tick (setup included)");
        Console.WriteLine($"{"  phases ms/tick",-18} {phases.PerTick(scenario.Ticks)}");
        return rate;
    }

    private static async Task<RunTiming> RunDirect(Scenario scenario)
    {
        var clock = Stopwatch.StartNew();
        var layout = new MarketLayout(scenario);
        var cycle = new TickCycle(layout, new DirectMarket(layout));
        var setup = clock.Elapsed;
        var cpu = Cpu();
        while (cycle.NextTick < scenario.Ticks)
        {
            await cycle.RunTickAsync();
        }

        return new RunTiming(setup, clock.Elapsed - setup, Cpu() - cpu);
    }

    /// <summary>Bytes per tick the grain host would serialize for the phase messages, counted on a direct run with the grain host's cohort size.</summary>
    private static async Task<string> MeasureMessages(Scenario scenario, int cohortSize)
    {
        var layout = new MarketLayout(scenario, cohortSize);
        var sizes = new MessageSizes(new DirectMarket(layout), layout);
        var cycle = new TickCycle(layout, sizes);
        while (cycle.NextTick < scenario.Ticks)
        {
            sizes.CountRows(await cycle.RunTickAsync());
        }

        return sizes.PerTick(scenario.Ticks);
    }

    private static async Task<RunTiming> RunOrleans(Scenario scenario, int silos, int cohortSize)
    {
        await using var cluster = await EmbeddedCluster.StartAsync(silos, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var run = cluster.Grains.GetGrain<IRunGrain>($"bench-{Guid.NewGuid():N}");
        await run.Start(new RunSetup(run.GetPrimaryKeyString(), scenario, cohortSize));
        var setup = clock.Elapsed;
        var cpu = Cpu();
        while (!(await run.Advance(64)).Finished)
        {
        }

        return new RunTiming(setup, clock.Elapsed - setup, Cpu() - cpu);
    }

    /// <summary>
    /// CPU time this process has used, every thread (the embedded silos' included). On a machine
    /// shared with other work it varies far less than wall-clock time.
    /// </summary>
    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private sealed record RunTiming(TimeSpan Setup, TimeSpan Ticks, TimeSpan Cpu);

    private static long Option(string[] args, string name, long fallback) =>
        long.TryParse(Text(args, name, ""), out var value) ? value : fallback;

    private static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MarketSim.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
