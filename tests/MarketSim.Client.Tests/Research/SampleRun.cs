using MarketSim.Engine.Contracts;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Tests.Research;

/// <summary>
/// A short quickstart run on the direct engine, written once as a Parquet and as a CSV trace folder
/// and shared by the tests of a class. Its trace is kept for tests to compute expected values from.
/// </summary>
public sealed class SampleRun : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "marketsim-client-tests", Guid.NewGuid().ToString("N"));

    public Trace Trace { get; } = new();

    public string ParquetFolder => Path.Combine(_root, "parquet");

    public string CsvFolder => Path.Combine(_root, "csv");

    public async Task InitializeAsync()
    {
        var scenario = ScenarioReader.ReadFile(RepositoryRoot.Scenario("quickstart.yaml"), ["retail.count=3000", "ticks=120"]).Scenario!;
        var layout = new MarketLayout(scenario);
        var cycle = new TickCycle(layout, new DirectMarket(layout));
        for (var t = 0; t < scenario.Ticks; t++)
        {
            Trace.Add(await cycle.RunTickAsync());
        }

        var summary = new RunSummary("sample", scenario.Ticks, [], 0, 0, 0, 1, true, 0, "");
        var manifest = new RunManifest(
            "sample", scenario.Name, "scenarios/quickstart.yaml", scenario.Seed, scenario.Ticks, "direct", 0, 1000, "test", "test", "test",
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "", [], ["retail.count=3000", "ticks=120"]);
        await TraceWriter.WriteAsync(ParquetFolder, Trace, manifest, summary, TraceFormat.Parquet, CancellationToken.None);
        await TraceWriter.WriteAsync(CsvFolder, Trace, manifest, summary, TraceFormat.Csv, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
