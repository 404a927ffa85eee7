using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.Scenarios;

/// <summary><c>extends</c>: a scenario as the differences from a base, merged mapping by mapping, to any depth.</summary>
public sealed class ScenarioCompositionTests : IDisposable
{
    private const string Market = """
        name: market
        ticks: 10
        seed: 3
        instruments: [{ id: X, tickSize: 1, lotSize: 1, initialPrice: 100 }]
        venues: [{ id: v, instruments: [X], takerFeeBps: 5 }]
        retail: { count: 100, venue: v, instrument: X, capital: { minimum: 1000, alpha: 1.5 } }
        marketMakers: [{ id: mm, venue: v, instrument: X, cash: 1000000, sizePerLevel: 1 }]
        """;

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Two_levels_of_bases_merge_mappings_key_by_key_and_replace_everything_else()
    {
        Write("market.yaml", Market);
        Write("sub/longer.yaml", """
            extends: ../market.yaml
            name: longer
            ticks: 500
            retail: { count: 2000, capital: { alpha: 1.2 } }
            """);
        var path = Write("sub/stressed.yaml", """
            extends: longer.yaml
            name: stressed
            venues: [{ id: v, instruments: [X] }]
            retail: { capital: { maximum: 50000 } }
            """);

        var scenario = Read(path);

        Assert.Equal("stressed", scenario.Name);
        Assert.Equal(500, scenario.Ticks);
        Assert.Equal(3, scenario.Seed);
        Assert.Equal(2000, scenario.Retail.Count);
        Assert.Equal("v", scenario.Retail.Venue);
        Assert.Equal((1000, 1.2, 50000), (scenario.Retail.Capital.Minimum, scenario.Retail.Capital.Alpha, scenario.Retail.Capital.Maximum));
        // A list replaces the base's list whole: the venue's taker fee is back to its default.
        Assert.Equal(VenueSpec.Defaults.TakerFeeBps, Assert.Single(scenario.Venues).TakerFeeBps);
        Assert.Single(scenario.MarketMakers);
    }

    [Fact]
    public void Overrides_apply_to_the_merged_scenario()
    {
        Write("market.yaml", Market);
        var path = Write("child.yaml", "extends: market.yaml\nticks: 20\n");

        var result = ScenarioReader.ReadFile(path, ["retail.count=7", "ticks=30"]);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal((7L, 30), (result.Scenario.Retail.Count, result.Scenario.Ticks));
    }

    [Fact]
    public void A_key_set_to_nothing_takes_the_base_s_value_away()
    {
        Write("market.yaml", Market + "\nevents: { sentimentNoise: { volatility: 0.01 } }\n");
        var path = Write("calm.yaml", "extends: market.yaml\nevents:\n");

        Assert.Null(Read(path).Events.Noise);
    }

    [Fact]
    public void A_cycle_is_one_problem_naming_the_files()
    {
        Write("a.yaml", "extends: b.yaml\nname: a\n");
        Write("b.yaml", "extends: a.yaml\nname: b\n");

        var problem = Assert.Single(ScenarioReader.ReadFile(Path.Combine(_folder.Path, "a.yaml")).Problems);

        Assert.Equal("extends: 'a.yaml' closes a cycle: a.yaml → b.yaml → a.yaml (b.yaml line 1)", problem.ToString());
    }

    [Fact]
    public void A_missing_base_is_one_problem()
    {
        var path = Write("child.yaml", "name: child\nextends: gone.yaml\n");

        var problem = Assert.Single(ScenarioReader.ReadFile(path).Problems);

        Assert.Equal("extends: 'gone.yaml': file not found (line 2)", problem.ToString());
    }

    [Fact]
    public void A_value_of_the_wrong_type_after_the_merge_is_reported_where_the_file_set_it()
    {
        Write("market.yaml", Market);
        var path = Write("child.yaml", "extends: market.yaml\nretail: 5\n");

        var problem = Assert.Single(ScenarioReader.ReadFile(path).Problems);

        Assert.StartsWith("retail: ", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal((2, null), (problem.Line, problem.File));
    }

    [Fact]
    public void A_problem_in_a_field_from_the_base_names_the_base_file()
    {
        Write("market.yaml", Market.Replace("count: 100", "count: -100", StringComparison.Ordinal));
        var path = Write("child.yaml", "extends: market.yaml\nticks: 20\n");

        var problem = Assert.Single(ScenarioReader.ReadFile(path).Problems);

        Assert.Equal(("retail.count", 6, "market.yaml"), (problem.Path, problem.Line, problem.File));
    }

    private Scenario Read(string path)
    {
        var result = ScenarioReader.ReadFile(path);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return result.Scenario;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.Path, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
