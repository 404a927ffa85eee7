namespace MarketSim.EndToEnd.Tests;

/// <summary>Wrong input ends with exit code 2, one readable line per problem, and no stack trace.</summary>
public sealed class BadInputTests
{
    private const string Valid = """
        name: broken
        ticks: 10
        instruments:
          - { id: BTC, tickSize: 1, lotSize: 0.001, initialPrice: 100000 }
        venues:
          - { id: spot, instruments: [BTC] }
        retail:
          count: 1000
          venue: spot
          instrument: BTC
          capital: { minimum: 1000, alpha: 1.5, maximum: 100000 }
          investedShare: 0.5
          activity: 0.05
          mix: { noise: 0.7, trend: 0.3 }
          noise: { orderSize: 0.05, limitOffsetBps: 20, marketableShare: 0.5 }
          trend: { lookback: 10, threshold: 0.002, orderSize: 0.1, maxSlippageBps: 30 }
          stopLoss: { share: 0.5, distanceMin: 0.03, distanceMax: 0.1, roundNumberStep: 1000, roundNumberShare: 0.6 }
        """;

    [Fact]
    public async Task The_valid_file_itself_runs()
    {
        using var folder = new TempDirectory();
        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("run", folder.File("ok.yaml", Valid), "--engine", "direct", "--out", folder.Path, "--quiet");

        Assert.True(exit == 0, stdout + stderr);
    }

    [Fact]
    public async Task Several_problems_are_each_reported_with_their_path_and_line()
    {
        using var folder = new TempDirectory();
        var broken = Valid
            .Replace("count: 1000", "count: -5")
            .Replace("ticks: 10", "ticks: ten")
            .Replace("  activity: 0.05", "  activity: 0.05\n  colour: blue");

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("run", folder.File("broken.yaml", broken), "--out", folder.Path);

        Assert.Equal(2, exit);
        var lines = ErrorLines(stdout + stderr);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("retail.count: must be > 0, got -5 (line 8)"));
        Assert.Contains(lines, l => l.Contains("ticks:") && l.Contains("line 2"));
        Assert.Contains(lines, l => l.Contains("retail.colour") && l.Contains("unknown field"));
        AssertNoStackTrace(stdout + stderr);
        Assert.Empty(Directory.GetDirectories(folder.Path));
    }

    [Fact]
    public async Task Validate_says_what_a_composed_scenario_holds_and_names_the_base_file_of_a_problem()
    {
        using var folder = new TempDirectory();
        folder.File("base.yaml", Valid);
        var good = folder.File("good.yaml", "extends: base.yaml\nname: derived\nticks: 20\n");
        var bad = folder.File("bad.yaml", "extends: base.yaml\nname: derived\nretail:\n  activity: 2\n");
        folder.File("broken-base.yaml", Valid.Replace("count: 1000", "count: -5"));
        var inheritsProblem = folder.File("child.yaml", "extends: broken-base.yaml\n");

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("validate", good);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("valid: 'derived', 20 ticks", stdout);
        Assert.Contains("1,000 retail agents", stdout);

        (exit, stdout, stderr) = await MarketSimProcess.RunAsync("validate", bad);
        Assert.Equal(2, exit);
        Assert.Contains("retail.activity", Assert.Single(ErrorLines(stdout + stderr)));

        (exit, stdout, stderr) = await MarketSimProcess.RunAsync("validate", inheritsProblem);
        Assert.Equal(2, exit);
        var line = Assert.Single(ErrorLines(stdout + stderr));
        Assert.Contains("retail.count: must be > 0, got -5", line);
        Assert.Contains("broken-base.yaml line 8", line);
        AssertNoStackTrace(stdout + stderr);
        Assert.Equal(5, Directory.GetFiles(folder.Path).Length); // validate writes nothing: no run folder, no trace
        Assert.Empty(Directory.GetDirectories(folder.Path));
    }

    [Fact]
    public async Task A_missing_file_is_one_clear_error()
    {
        using var folder = new TempDirectory();

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("run", Path.Combine(folder.Path, "nope.yaml"), "--out", folder.Path);

        Assert.Equal(2, exit);
        Assert.Contains("nope.yaml: file not found", Assert.Single(ErrorLines(stdout + stderr)));
        AssertNoStackTrace(stdout + stderr);
    }

    [Theory]
    [InlineData("--ticks", "-5", "--ticks: must be between 1 and 200000, got -5")]
    [InlineData("--engine", "gpu", "gpu")]
    [InlineData("--silos", "0", "--silos: must be between 1 and 16, got 0")]
    [InlineData("--set", "retail.nothing=3", "retail.nothing")]
    [InlineData("--cluster", "foo", "--cluster: expected redis://host:port, got 'foo'")]
    public async Task Bad_arguments_are_named_in_the_error(string option, string value, string expected)
    {
        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("run", "scenarios/quickstart.yaml", option, value, "--out", Path.GetTempPath());

        Assert.Equal(2, exit);
        Assert.Contains(expected, stdout + stderr);
        AssertNoStackTrace(stdout + stderr);
    }

    [Theory]
    [InlineData("scenarios/quickstart.yaml", new[] { "--flow", "-1e9" }, "--participant: the scenario has no ETF, so name the participant that receives the flow")]
    [InlineData("scenarios/quickstart.yaml", new[] { "--flow", "-1e9", "--participant", "mm9" }, "--participant: 'mm9' is not a participant that trades on flows")]
    [InlineData("scenarios/btc-november-cascade.yaml", new[] { "--flow", "0" }, "--flow: must not be 0")]
    [InlineData("scenarios/btc-november-cascade.yaml", new[] { "--flow", "-1e9", "--book", "moon/BTC" }, "--book: 'moon/BTC' is not venue/instrument of a book in the scenario")]
    [InlineData("scenarios/btc-november-cascade.yaml", new[] { "--flow", "-1e9", "--target", "-0.034" }, "--target: needs at least one --tune path=low..high to search")]
    [InlineData("scenarios/btc-november-cascade.yaml", new[] { "--flow", "-1e9", "--target", "-0.034", "--tune", "marketMakers[0].sizePerLevel=30..3" }, "--tune: 'marketMakers[0].sizePerLevel=30..3': the range must satisfy 0 < low < high")]
    public async Task Bad_calibration_requests_are_named_in_the_error(string scenario, string[] arguments, string expected)
    {
        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(["calibrate-impact", scenario, "--engine", "direct", .. arguments]);

        Assert.Equal(2, exit);
        Assert.Contains(expected, Assert.Single(ErrorLines(stdout + stderr)));
        AssertNoStackTrace(stdout + stderr);
    }

    [Theory]
    [InlineData("Orleans__Endpoints__SiloPort", "abc", "Orleans:Endpoints:SiloPort: must be a whole number, got 'abc'")]
    [InlineData("Orleans__Endpoints__GatewayPort", "70000", "Orleans:Endpoints:GatewayPort: must be a port number from 1 to 65535, got '70000'")]
    [InlineData("Orleans__Endpoints__AdvertisedIP", "10.5", "Orleans:Endpoints:AdvertisedIP: must be an IP address such as 10.0.0.5, got '10.5'")]
    [InlineData("Orleans__Endpoints__SilloPort", "1", "Orleans:Endpoints:SilloPort: unknown setting; EndpointSettings has no property 'SilloPort'")]
    [InlineData("Orleans__Clustering__ProviderType", "Consul", "Orleans:Clustering:ProviderType: must be one of Localhost, Redis, Kubernetes, got 'Consul'")]
    [InlineData("Orleans__Clustering__ProviderType", "redis", "Orleans:Clustering:ConnectionString: required when ProviderType is Redis (a Redis address such as localhost:6379)")]
    [InlineData("Orleans__Dashboard__Port", "-1", "Orleans:Dashboard:Port: must be a port number from 0 to 65535 (0 = off), got '-1'")]
    [InlineData("Orleans__Membership__ProbeTimeout", "soon", "Orleans:Membership:ProbeTimeout: must be a TimeSpan such as 00:00:02, got 'soon'")]
    [InlineData("Telemetry__Exporter", "kafka", "Telemetry:Exporter: must be one of None, Console, Otlp, got 'kafka'")]
    public async Task A_silo_with_a_wrong_setting_stops_before_it_starts_and_names_the_setting(string variable, string value, string expected)
    {
        var (exit, stdout, stderr) = await ChildProcess.RunAsync(
            "dotnet", [Repository.BuiltAssembly("silo", "marketsim-silo.dll")], new Dictionary<string, string> { [variable] = value }, TimeSpan.FromMinutes(1));

        Assert.Equal(2, exit);
        Assert.Equal($"error: {expected}", (stdout + stderr).Trim());
    }

    private static string[] ErrorLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
    }
}
