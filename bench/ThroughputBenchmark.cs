using System.Diagnostics;
using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;
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
        var timing = await run();
        var seconds = timing.Ticks.TotalSeconds;
        var rate = scenario.Retail.Count * (double)scenario.Ticks / seconds;
        Console.WriteLine(
            $"{name,-18} {rate,14:N0} agent-ticks/s  {timing.Ticks.TotalMilliseconds / scenario.Ticks,8:N1} ms/tick  " +
            $"cpu {timing.Cpu.TotalMilliseconds / scenario.Ticks,8:N1} ms/tick  setup {timing.Setup.TotalSeconds,5:N1} s");
        Console.WriteLine(
            $"{"",-18} {timing.Orders / seconds,14:N0} orders/s  {timing.Trades / seconds,12:N0} trades/s  " +
            $"{timing.Allocated / (double)scenario.Ticks / 1024 / 1024,7:N2} MiB allocated/tick  {timing.Retained / (double)scenario.Retail.Count,6:N0} bytes/agent held after setup");
        Console.WriteLine($"{"  phases ms/tick",-18} {phases.PerTick(scenario.Ticks)}");
        return rate;
    }

    private static async Task<RunTiming> RunDirect(Scenario scenario)
    {
        var meter = new RunMeter();
        var layout = new MarketLayout(scenario);
        var cycle = new TickCycle(layout, new DirectMarket(layout));
        meter.SetupDone();
        while (cycle.NextTick < scenario.Ticks)
        {
            meter.Count(await cycle.RunTickAsync());
        }

        return meter.Done();
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
        var meter = new RunMeter();
        var run = cluster.Grains.GetGrain<IRunGrain>($"bench-{Guid.NewGuid():N}");
        await run.Start(new RunSetup(run.GetPrimaryKeyString(), scenario, cohortSize));
        meter.SetupDone();
        TickBatch batch;
        do
        {
            batch = await run.Advance(64);
            foreach (var record in batch.Records)
            {
                meter.Count(record);
            }
        }
        while (!batch.Finished);

        return meter.Done();
    }

    /// <summary>
    /// Setup and tick time of one run; what the venues counted (the <c>orders</c> and <c>trades</c> columns);
    /// bytes allocated over the ticks (setup excluded; the whole process, so an embedded silo's own work counts);
    /// managed memory held once the run is set up, against before (the agents' state, the silo's baseline excluded);
    /// and the CPU time of the ticks, every thread of this process (the embedded silos' included): on a machine shared
    /// with other work it varies far less than wall-clock time.
    /// </summary>
    private sealed record RunTiming(TimeSpan Setup, TimeSpan Ticks, TimeSpan Cpu, long Orders, long Trades, long Allocated, long Retained);

    private sealed class RunMeter
    {
        private readonly long _heldBefore = GC.GetTotalMemory(forceFullCollection: true);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _setup;
        private long _retained;
        private long _allocatedBefore;
        private TimeSpan _cpuBefore;
        private long _orders;
        private long _trades;

        public void SetupDone()
        {
            _setup = _clock.Elapsed;
            _retained = GC.GetTotalMemory(forceFullCollection: true) - _heldBefore;
            _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            _cpuBefore = Cpu();
            _clock.Restart();
        }

        public void Count(TickRecord record)
        {
            foreach (var row in record.Market)
            {
                _orders += row.Orders;
                _trades += row.Trades;
            }
        }

        public RunTiming Done() => new(_setup, _clock.Elapsed, Cpu() - _cpuBefore, _orders, _trades, GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore, _retained);
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

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
