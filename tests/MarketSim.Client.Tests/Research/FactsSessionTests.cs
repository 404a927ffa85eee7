using MarketSim.Client.Cli;
using MarketSim.Client.Research.Facts;
using MarketSim.Client.Runs;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Metrics;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Tests.Research;

public sealed class FactsSessionTests
{
    [Fact]
    public async Task Each_seed_gets_the_facts_of_its_own_run_in_seed_order()
    {
        var path = RepositoryRoot.Scenario("quickstart.yaml");
        string[] overrides = ["retail.count=2000", "ticks=80"];
        var options = new FactsOptions(path, overrides, [3, 1], Parallel: 2, ReturnPrice.Mid, new ExecutionSettings(EngineKind.Direct, 1, null, TraceFormat.Parquet, ShowProgress: false));

        var results = await FactsSession.RunAsync(options, CancellationToken.None);

        Assert.Equal([3L, 1L], results.Select(result => result.Seed));
        foreach (var result in results)
        {
            // The same seed run here, directly, without the session's host, folders or parallelism.
            var expected = Assert.Single(BookFacts.Of(await RunDirect(path, [.. overrides, $"seed={result.Seed}"])));
            var book = Assert.Single(result.Books);
            Assert.Equal(expected.Facts.ExcessKurtosis, book.Facts.ExcessKurtosis);
            Assert.Equal(expected.OrderSignAutocorrelationAt(1), book.OrderSignAutocorrelationAt(1));
            Assert.Equal(80, result.Summary.Ticks);
            Assert.True(result.Summary.Conserved);
        }

        Assert.NotEqual(results[0].Summary.TraceHash, results[1].Summary.TraceHash);
    }

    [Fact]
    public void Seeds_are_single_values_and_inclusive_ranges()
    {
        Assert.Equal([1L, 2L, 3L, 7L], SeedList.Parse("1-3,7"));
        Assert.Equal([5L], SeedList.Parse("5"));
    }

    [Theory]
    [InlineData("1-x", "--seeds: '1-x' is not a seed or a range of seeds such as 1-10")]
    [InlineData("9-2", "--seeds: '9-2' runs backwards; write 2-9")]
    [InlineData("1-3,2", "--seeds: seed 2 is given more than once")]
    [InlineData("1-100000", "--seeds: more than 10,000 seeds")]
    public void Bad_seeds_are_one_line_naming_the_option(string text, string problem)
    {
        var error = Assert.Throws<InputException>(() => SeedList.Parse(text));

        Assert.Equal([problem], error.Problems);
    }

    private static async Task<List<MarketRow>> RunDirect(string path, string[] overrides)
    {
        var scenario = ScenarioReader.ReadFile(path, overrides).Scenario!;
        var layout = new MarketLayout(scenario);
        var cycle = new TickCycle(layout, new DirectMarket(layout));
        var trace = new Trace();
        for (var t = 0; t < scenario.Ticks; t++)
        {
            trace.Add(await cycle.RunTickAsync());
        }

        return trace.Market;
    }
}
