namespace MarketSim.EndToEnd.Tests.Hardening;

/// <summary>
/// Everything is checked before the first tick (issue 13, cases 4, 5, 8): every option through our own
/// parsing, upper bounds on sizes and amounts, references and file problems — each one line naming the
/// option or field, exit 2, no stack trace and no .NET type name.
/// </summary>
public sealed class InputValidationTests
{
    [Theory]
    [InlineData(new[] { "run", "scenarios/quickstart.yaml", "--ticks", "ten" }, "--ticks: expected a whole number, got 'ten'")]
    [InlineData(new[] { "run", "scenarios/quickstart.yaml", "--ticks", "99999999999" }, "--ticks: must be between 1 and 200000, got 99999999999")]
    [InlineData(new[] { "run", "scenarios/quickstart.yaml", "--silos", "two" }, "--silos: expected a whole number, got 'two'")]
    [InlineData(new[] { "run", "scenarios/quickstart.yaml", "--cohort-size", "big" }, "--cohort-size: expected a whole number, got 'big'")]
    [InlineData(new[] { "run", "scenarios/quickstart.yaml", "--checkpoint-every", "often" }, "--checkpoint-every: expected a whole number, got 'often'")]
    [InlineData(new[] { "run", "scenarios/quickstart.yaml", "--seed", "banana" }, "--seed: expected a whole number, got 'banana'")]
    [InlineData(new[] { "sweep", "scenarios/quickstart.yaml", "--replicas", "many" }, "--replicas: expected a whole number, got 'many'")]
    [InlineData(new[] { "sweep", "scenarios/quickstart.yaml", "--parallel", "x" }, "--parallel: expected a whole number, got 'x'")]
    [InlineData(new[] { "sweep", "scenarios/quickstart.yaml", "--parallel", "0", "--cluster", "redis://127.0.0.1:1" }, "--parallel: must be > 0, got 0")]
    [InlineData(new[] { "cta-project", "scenarios/cta-flip.yaml", "--horizon", "soon" }, "--horizon: expected a whole number, got 'soon'")]
    [InlineData(new[] { "calibrate-impact", "scenarios/btc-november-cascade.yaml", "--flow", "lots" }, "--flow: expected a number, got 'lots'")]
    [InlineData(new[] { "calibrate-impact", "scenarios/btc-november-cascade.yaml", "--flow", "-1e9", "--replicas", "x" }, "--replicas: expected a whole number, got 'x'")]
    [InlineData(new[] { "calibrate-impact", "scenarios/btc-november-cascade.yaml", "--flow", "-1e9", "--at", "noon" }, "--at: expected a whole number, got 'noon'")]
    public async Task A_word_or_overflow_for_a_number_option_is_one_line_naming_the_option(string[] arguments, string expected)
    {
        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(arguments);

        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr);
        AssertNoInternals(stdout + stderr);
    }

    [Theory]
    [InlineData("retail.count=9223372036854775807", "retail.count: must be at most 50000000, got 9223372036854775807")]
    [InlineData("instruments[0].tickSize=1e-25", "tickSize: too fine")]
    public async Task Values_beyond_the_limits_or_naming_nothing_are_rejected_before_the_run(string set, string expected)
    {
        using var output = new TempDirectory();

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("run", "scenarios/quickstart.yaml", "--engine", "direct", "--set", set, "--out", output.Path);

        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr);
        AssertNoInternals(stdout + stderr);
        Assert.Empty(Directory.GetDirectories(output.Path));
    }

    [Theory]
    [InlineData("nobody", "-1e6", "events.flows[0].participant")]
    [InlineData("mm1", "-1e300", "events.flows[0].amount: must be in [-1000000000000, 1000000000000]")]
    public async Task A_flow_to_nobody_or_of_an_absurd_amount_is_rejected(string participant, string amount, string expected)
    {
        using var output = new TempDirectory();
        var scenario = output.File("flow.yaml", Minimal("  - { id: spot, instruments: [BTC] }") + $$"""

            marketMakers:
              - { id: mm1, venue: spot, instrument: BTC, cash: 5.0e7, inventory: 500, sizePerLevel: 1 }
            events:
              flows:
                - { participant: {{participant}}, amount: {{amount}} }
            """);

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("run", scenario, "--engine", "direct", "--out", output.Path);

        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr);
        AssertNoInternals(stdout + stderr);
    }

    [Fact]
    public async Task More_venues_than_the_limit_fail_at_once_with_one_line()
    {
        using var output = new TempDirectory();
        var venues = string.Join("\n", Enumerable.Range(0, 65).Select(i => $"  - {{ id: v{i}, instruments: [BTC] }}"));
        var scenario = output.File("venues.yaml", Minimal(venues));

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("run", scenario, "--out", output.Path);

        Assert.Equal(2, exit);
        Assert.Contains("venues: at most 64 entries, got 65", stderr);
        AssertNoInternals(stdout + stderr);
    }

    [Fact]
    public async Task A_nul_or_a_huge_name_is_rejected_without_echoing_it()
    {
        using var output = new TempDirectory();
        var minimal = Minimal("  - { id: spot, instruments: [BTC] }");
        var nul = output.File("nul.yaml", minimal.Replace("name: minimal", "name: \"a\\0b\""));
        var huge = output.File("huge.yaml", minimal.Replace("name: minimal", $"name: {new string('x', 100_000)}"));

        var (nulExit, _, nulError) = await MarketSimProcess.RunAsync("run", nul, "--out", output.Path);
        var (hugeExit, _, hugeError) = await MarketSimProcess.RunAsync("run", huge, "--out", output.Path);

        Assert.Equal(2, nulExit);
        Assert.Contains("name: may hold only letters, digits", nulError);
        Assert.Contains("U+0000", nulError);
        Assert.Equal(2, hugeExit);
        Assert.Contains("name: must be at most 64 characters, got 100000", hugeError);
        Assert.True(hugeError.Length < 1000, "the error must not echo the name");
        Assert.Empty(Directory.GetDirectories(output.Path));
    }

    [Fact]
    public async Task A_folder_given_as_the_scenario_is_named_as_a_folder()
    {
        using var output = new TempDirectory();

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("run", output.Path, "--out", output.Path);

        Assert.Equal(2, exit);
        Assert.Contains($"{output.Path}: is a folder, not a scenario file", stderr);
        AssertNoInternals(stdout + stderr);
    }

    /// <summary>A small valid scenario with <paramref name="venues"/> as its venue list.</summary>
    private static string Minimal(string venues) => """
        name: minimal
        ticks: 10
        instruments:
          - { id: BTC, tickSize: 1, lotSize: 0.001, initialPrice: 100000 }
        venues:
        VENUES
        retail:
          count: 1000
          venue: spot
          instrument: BTC
          capital: { minimum: 1000, alpha: 1.5, maximum: 100000 }
        """.Replace("VENUES", venues);

    private static void AssertNoInternals(string output)
    {
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
        Assert.DoesNotContain("System.", output);
    }
}
