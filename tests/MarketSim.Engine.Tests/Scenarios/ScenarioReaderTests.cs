using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.Scenarios;

public sealed class ScenarioReaderTests
{
    // The smallest complete scenario: required fields only, plus the margin the fund's leverage needs.
    private const string Minimal = """
        name: minimal
        ticks: 100
        instruments:
          - { id: BTC, tickSize: 1, lotSize: 0.001, initialPrice: 100000 }
          - { id: ETH, tickSize: 0.1, lotSize: 0.01, initialPrice: 3000 }
        venues:
          - { id: spot, instruments: [BTC], initialMargin: 0.1 }
        retail:
          count: 1000
          venue: spot
          instrument: BTC
        marketMakers:
          - { id: mm1, venue: spot, instrument: BTC, cash: 1000000, sizePerLevel: 1 }
        funds:
          - { id: mom1, kind: momentum, venue: spot, instrument: BTC, capital: 1000000, targetLeverage: 5 }
        """;

    [Fact]
    public void Quickstart_loads()
    {
        var result = ScenarioReader.ReadFile(RepositoryRoot.Scenario("quickstart.yaml"));

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Problems));
        var scenario = result.Scenario;
        Assert.Equal("quickstart", scenario.Name);
        Assert.Equal(500, scenario.Ticks);
        Assert.Equal(100_000m, Assert.Single(scenario.Instruments).InitialPrice);
        Assert.Equal(0.1, Assert.Single(scenario.Venues).InitialMargin);
        Assert.Equal(2_000, scenario.Retail.Count);
        Assert.Equal(1_000, scenario.Retail.CohortSize);
        Assert.Single(scenario.MarketMakers);
        Assert.Equal(FundKind.Momentum, Assert.Single(scenario.Funds).Kind);
    }

    [Fact]
    public void Omitted_fields_take_their_defaults()
    {
        var scenario = ReadOk(Minimal);

        Assert.Equal("", scenario.Description);
        Assert.Equal(1, scenario.Seed);
        Assert.Equal(8, scenario.Cascade.MaxRounds);
        Assert.Equal(0.05, scenario.Venues[0].MaintenanceMargin);
        Assert.Equal(20_000, scenario.Retail.CohortSize);
        Assert.Equal(new BehaviourMix(1, 0), scenario.Retail.Mix);
        Assert.Equal(10, scenario.MarketMakers[0].Levels);
        Assert.Equal(20, scenario.Funds[0].Lookback);
    }

    [Fact]
    public void Negative_count_is_reported_with_path_and_line()
    {
        var yaml = Minimal.Replace("count: 1000", "count: -5", StringComparison.Ordinal);

        var result = ScenarioReader.Read(yaml, "test.yaml");

        Assert.False(result.Ok);
        Assert.Equal($"retail.count: must be > 0, got -5 (line {LineOf(yaml, "count: -5")})", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Unknown_field_suggests_the_closest_known_name()
    {
        var yaml = Minimal.Replace("count: 1000", "cout: 1000", StringComparison.Ordinal);

        var problems = Problems(yaml);

        Assert.Contains($"retail.cout: unknown field 'cout'; did you mean 'count'? (line {LineOf(yaml, "cout:")})", problems);
        Assert.Contains(problems, problem => problem.StartsWith("retail.count: is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ticks: 100", "ticks: abc", "ticks: must be an integer, got 'abc'")]
    [InlineData("ticks: 100", "ticks: 1.5", "ticks: must be an integer, got '1.5'")]
    [InlineData("count: 1000", "count: [1000]", "retail.count: must be an integer, got a list")]
    [InlineData("venue: spot", "venue: { id: spot }", "retail.venue: must be a string, got a mapping")]
    [InlineData("cash: 1000000", "cash: lots", "marketMakers[0].cash: must be a number, got 'lots'")]
    [InlineData("instruments: [BTC]", "instruments: BTC", "venues[0].instruments: must be a list, got 'BTC'")]
    [InlineData("kind: momentum", "kind: carry", "funds[0].kind: must be one of momentum, got 'carry'")]
    [InlineData("name: minimal", "name:", "name: is required")]
    public void Wrong_types_are_reported(string find, string replacement, string expected)
    {
        var problems = Problems(Minimal.Replace(find, replacement, StringComparison.Ordinal));

        Assert.Contains(problems, problem => problem.StartsWith(expected + " (line ", StringComparison.Ordinal));
    }

    [Fact]
    public void Stops_on_the_book_are_off_unless_switched_on_and_the_switch_takes_only_true_or_false()
    {
        var off = ReadOk(Minimal).Retail.StopLoss;
        var on = ReadOk(Minimal, "retail.stopLoss.onBook=true", "retail.stopLoss.limitOffsetBps=50").Retail.StopLoss;

        Assert.Equal((false, 100.0), (off.OnBook, off.LimitOffsetBps));
        Assert.Equal((true, 50.0), (on.OnBook, on.LimitOffsetBps));
        var problem = Assert.Single(Problems(Minimal.Replace("count: 1000", "count: 1000\n  stopLoss: { onBook: yes }", StringComparison.Ordinal)));
        Assert.StartsWith("retail.stopLoss.onBook: must be true or false, got 'yes' (line ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_is_case_insensitive()
    {
        var scenario = ReadOk(Minimal.Replace("kind: momentum", "kind: Momentum", StringComparison.Ordinal));

        Assert.Equal(FundKind.Momentum, scenario.Funds[0].Kind);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_in_file_order()
    {
        var yaml = Minimal
            .Replace("ticks: 100", "ticks: 0", StringComparison.Ordinal)
            .Replace("initialMargin: 0.1", "initialMargin: 0.1, takerFeeBps: -1", StringComparison.Ordinal)
            .Replace("count: 1000", "count: 1000\n  colour: blue", StringComparison.Ordinal)
            .Replace("sizePerLevel: 1", "sizePerLevel: 0", StringComparison.Ordinal)
            .Replace("kind: momentum", "kind: carry", StringComparison.Ordinal);

        var result = ScenarioReader.Read(yaml, "test.yaml");

        Assert.Equal(
            [
                "ticks: must be in [1, 200000], got 0 (line 2)",
                $"venues[0].takerFeeBps: must be in [0, 1000], got -1 (line {LineOf(yaml, "takerFeeBps")})",
                $"retail.colour: unknown field 'colour' (line {LineOf(yaml, "colour")})",
                $"marketMakers[0].sizePerLevel: must be > 0, got 0 (line {LineOf(yaml, "sizePerLevel")})",
                $"funds[0].kind: must be one of momentum, got 'carry' (line {LineOf(yaml, "carry")})",
            ],
            result.Problems.Select(problem => problem.ToString()));
    }

    [Theory]
    [InlineData("  venue: spot", "  venue: spto", "retail.venue: unknown venue 'spto'; did you mean 'spot'?")]
    [InlineData("instruments: [BTC]", "instruments: [BTC, XRP]", "venues[0].instruments[1]: unknown instrument 'XRP'; known: BTC, ETH")]
    [InlineData("instruments: [BTC]", "instruments: [BTC, BTC]", "venues[0].instruments[1]: lists 'BTC' twice")]
    [InlineData("capital: 1000000, targetLeverage: 5", "capital: 1000000, targetLeverage: 12", "funds[0].targetLeverage: must be <= 10 (1 / initialMargin of venue 'spot'), got 12")]
    [InlineData("kind: momentum, venue: spot, instrument: BTC", "kind: momentum, venue: spot, instrument: ETH", "funds[0].instrument: venue 'spot' does not list instrument 'ETH'")]
    [InlineData("id: mom1", "id: mm1", "funds[0].id: duplicate id 'mm1'; marketMakers[0] already has it")]
    [InlineData("initialPrice: 3000", "initialPrice: 3000.05", "instruments[1].initialPrice: must be a multiple of tickSize 0.1, got 3000.05")]
    [InlineData("initialMargin: 0.1", "initialMargin: 0.1, maintenanceMargin: 0.2", "venues[0].maintenanceMargin: must be <= initialMargin 0.1, got 0.2")]
    public void Rules_across_fields_are_checked(string find, string replacement, string expected)
    {
        var problems = Problems(Minimal.Replace(find, replacement, StringComparison.Ordinal));

        Assert.StartsWith(expected + " (line ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Mix_must_sum_to_one()
    {
        var yaml = Minimal.Replace("count: 1000", "count: 1000\n  mix: { noise: 0.6, trend: 0.3 }", StringComparison.Ordinal);

        var problem = Assert.Single(Problems(yaml));

        Assert.Equal($"retail.mix: shares must sum to 1, got 0.9 (noise 0.6 + trend 0.3 + dipBuying 0 + lossAverse 0 + fundamental 0) (line {LineOf(yaml, "mix:")})", problem);
    }

    [Fact]
    public void Missing_file_is_a_problem_not_an_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.yaml");

        var result = ScenarioReader.ReadFile(path);

        Assert.False(result.Ok);
        Assert.Equal(new ScenarioProblem(path, "file not found", null), Assert.Single(result.Problems));
    }

    [Theory]
    [InlineData("name: x\nticks: [1, 2\n", 3)]
    [InlineData("name: x\nname: y\n", 2)]
    [InlineData("retail:\n\t count: 5\n", 1)]
    public void Invalid_yaml_is_one_problem_with_its_line(string yaml, int line)
    {
        var problem = Assert.Single(ScenarioReader.Read(yaml, "bad.yaml").Problems);

        Assert.Equal("bad.yaml", problem.Path);
        Assert.StartsWith("invalid YAML: ", problem.Message, StringComparison.Ordinal);
        Assert.Equal(line, problem.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    [InlineData("just a string\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("&a [*a]\n")]
    [InlineData("? &a [*a]\n: 1\n")]
    [InlineData("name: [1, 2\nticks: 3\n")] // YamlDotNet throws InvalidOperationException on this
    [InlineData("retail:\n  count: 1\n:\nticks: 2\n")] // and ArgumentException on this
    public void Unusable_documents_are_one_problem(string yaml)
    {
        var problem = Assert.Single(ScenarioReader.Read(yaml, "odd.yaml").Problems);

        Assert.Equal("odd.yaml", problem.Path);
    }

    [Fact]
    public void Deep_nesting_is_a_problem_not_a_stack_overflow()
    {
        var yaml = new string('[', 100_000) + new string(']', 100_000);

        var problem = Assert.Single(ScenarioReader.Read(yaml, "deep.yaml").Problems);

        Assert.Contains("nested more than", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_prefix_of_the_quickstart_makes_the_reader_throw()
    {
        var yaml = File.ReadAllText(RepositoryRoot.Scenario("quickstart.yaml"));

        for (var length = 0; length < yaml.Length; length++)
        {
            var result = ScenarioReader.Read(yaml[..length], "cut.yaml");
            Assert.True(result.Ok || result.Problems.Count > 0);
        }
    }

    [Fact]
    public void Overrides_replace_values_and_add_omitted_fields()
    {
        var scenario = ReadOk(Minimal, "retail.count=5000", "funds[0].targetLeverage=4", "seed=9", "cascade.maxRounds = 3", "venues[0].priceBandBps=200");
        Assert.Equal(200, scenario.Venues[0].PriceBandBps);

        Assert.Equal(5000, scenario.Retail.Count);
        Assert.Equal(4, scenario.Funds[0].TargetLeverage);
        Assert.Equal(9, scenario.Seed);
        Assert.Equal(3, scenario.Cascade.MaxRounds);
    }

    [Fact]
    public void The_checkpoint_interval_is_read_checked_and_absent_by_default()
    {
        Assert.Null(ReadOk(Minimal).Checkpoint);
        Assert.Equal(25, ReadOk(Minimal, "checkpoint.everyTicks=25").Checkpoint?.EveryTicks);
        Assert.Equal(
            "checkpoint.everyTicks: must be in [0, 200000], got -1 (from override 'checkpoint.everyTicks=-1')",
            Assert.Single(ScenarioReader.Read(Minimal, "test.yaml", ["checkpoint.everyTicks=-1"]).Problems).ToString());
    }

    [Theory]
    [InlineData("retail.count", "retail.count: override 'retail.count' must look like path=value")]
    [InlineData("retail..count=1", "retail..count: override 'retail..count=1' has no valid path; write one like funds[0].targetLeverage")]
    [InlineData("funds[3].capital=1", "funds[3].capital: override 'funds[3].capital=1' cannot apply: 'funds' has 1 item(s), so no [3]")]
    [InlineData("retail.count.x=1", "retail.count.x: override 'retail.count.x=1' cannot apply: 'retail.count' is not a mapping")]
    [InlineData("retail[0]=1", "retail[0]: override 'retail[0]=1' cannot apply: 'retail' is not a list")]
    [InlineData("bogus[0].x=1", "bogus[0].x: override 'bogus[0].x=1' cannot apply: 'bogus' does not exist")]
    [InlineData("retail.cout=5", "retail.cout: unknown field 'cout'; did you mean 'count'? (from override 'retail.cout=5')")]
    [InlineData("retail.count=-5", "retail.count: must be > 0, got -5 (from override 'retail.count=-5')")]
    [InlineData("venues[0].priceBandBps=-1", "venues[0].priceBandBps: must be in [0, 10000], got -1 (from override 'venues[0].priceBandBps=-1')")]
    public void Bad_overrides_are_reported_naming_the_override(string @override, string expected)
    {
        var result = ScenarioReader.Read(Minimal, "test.yaml", [@override]);

        Assert.Equal(expected, Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Metrics_take_their_defaults_and_read_what_is_set()
    {
        Assert.Equal(MetricsSpec.Default, ReadOk(Minimal).Metrics);

        var scenario = ReadOk(Minimal + """

            metrics:
              costBinWidth: 0.001
              resonanceThreshold: 0.4
              institutional: [allocator, etf_investors]
            """, "metrics.resonanceUnderwater=0.7");

        Assert.Equal((0.001, 0.005, 0.4, 0.7), (scenario.Metrics.CostBinWidth, scenario.Metrics.TriggerBinWidth, scenario.Metrics.ResonanceThreshold, scenario.Metrics.ResonanceUnderwater));
        Assert.Equal(["allocator", "etf_investors"], scenario.Metrics.Institutional);
    }

    [Theory]
    [InlineData("resonanceThreshold: 1.5", "metrics.resonanceThreshold: must be in [0, 1], got 1.5")]
    [InlineData("costBinWidth: 0", "metrics.costBinWidth: must be in (0, 1), got 0")]
    [InlineData("triggerBinWidth: wide", "metrics.triggerBinWidth: must be a number, got 'wide'")]
    [InlineData("institutional: [allocator, retail]", "metrics.institutional[1]: must be a participant class other than retail")]
    [InlineData("institutional: [hedge_fund]", "metrics.institutional[0]: must be a participant class other than retail")]
    [InlineData("resonance: 0.5", "metrics.resonance: unknown field 'resonance'")]
    public void Bad_metrics_are_reported_with_their_field(string field, string expected)
    {
        var problem = Assert.Single(Problems(Minimal + "\nmetrics:\n  " + field + "\n"));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_to_an_arbitrageur_is_rejected_rather_than_ignored()
    {
        var yaml = File.ReadAllText(RepositoryRoot.Scenario("all-participants.yaml"));

        var result = ScenarioReader.Read(yaml, "test.yaml", ["events.flows[0].participant=arb1"]);

        Assert.Contains(result.Problems, p => p.ToString().StartsWith("events.flows[0].participant: arbitrageur 'arb1' takes no flows", StringComparison.Ordinal));
        Assert.DoesNotContain("arb1", ScenarioReader.Read(yaml, "test.yaml").Scenario!.FlowTakers());
        Assert.Contains("ibit", ScenarioReader.Read(yaml, "test.yaml").Scenario!.FlowTakers());
    }

    private static Scenario ReadOk(string yaml, params string[] overrides)
    {
        var result = ScenarioReader.Read(yaml, "test.yaml", overrides);
        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Problems));
        return result.Scenario;
    }

    private static List<string> Problems(string yaml) =>
        [.. ScenarioReader.Read(yaml, "test.yaml").Problems.Select(problem => problem.ToString())];

    private static int LineOf(string yaml, string text) =>
        Array.FindIndex(yaml.Split('\n'), line => line.Contains(text, StringComparison.Ordinal)) + 1;
}
