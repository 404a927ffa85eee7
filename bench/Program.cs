using BenchmarkDotNet.Running;
using MarketSim.Bench;

// `--micro [BenchmarkDotNet args]` runs the micro-benchmarks; anything else is the throughput run.
if (args.Length > 0 && args[0] == "--micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(ThroughputBenchmark).Assembly).Run(args[1..]);
    return 0;
}

return await ThroughputBenchmark.RunAsync(args);
