
namespace MarketSim.EndToEnd.Tests;

/// <summary>The sweep through the real console: a tiny grid, its table, resuming, and its bad input.</summary>
public sealed class SweepCommandTests
{
    private static readonly string[] TinyGrid =
        ["sweep", "scenarios/quickstart.yaml", "--set", "funds[0].targetLeverage=1,4", "--replicas", "2", "--ticks", "30", "--set", "retail.count=2000", "--engine", "direct"];

    [Fact]
    public async Task A_two_by_two_sweep_writes_four_runs_and_a_table_of_four_rows()
    {
        using var output = new TempDirectory();

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync([.. TinyGrid, "--out", output.Path]);

        Assert.True(exit == 0, stdout + stderr);
        var sweep = Assert.Single(Directory.GetDirectories(output.Path));
        Assert.Matches("quickstart-[0-9a-f]{8}$", sweep);
        Assert.Equal(["p0-r0", "p0-r1", "p1-r0", "p1-r1"], RunNames(sweep));
        Assert.All(Directory.GetDirectories(Path.Combine(sweep, "runs")), run => Assert.True(File.Exists(Path.Combine(run, "manifest.json"))));
        Assert.Equal(4L, DuckDbQuery.Value($"SELECT count(*) FROM '{Path.Combine(sweep, "sweep.parquet")}'"));
        Assert.Equal(2L, DuckDbQuery.Value($"SELECT count(*) FROM '{Path.Combine(sweep, "sweep.parquet")}' WHERE \"funds[0].targetLeverage\" = 4"));
        Assert.Equal(4L, DuckDbQuery.Value($"SELECT count(DISTINCT seed) FROM '{Path.Combine(sweep, "sweep.parquet")}'"));
        Assert.Equal(0L, DuckDbQuery.Value($"SELECT count(*) FROM '{Path.Combine(sweep, "sweep.parquet")}' WHERE excess_kurtosis IS NULL OR conservation_violations <> 0"));
    }

    [Fact]
    public async Task Running_again_redoes_only_the_run_whose_manifest_is_missing()
    {
        using var output = new TempDirectory();
        var first = await MarketSimProcess.RunAsync([.. TinyGrid, "--out", output.Path]);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        var sweep = Assert.Single(Directory.GetDirectories(output.Path));
        var manifests = Directory.GetFiles(Path.Combine(sweep, "runs"), "manifest.json", SearchOption.AllDirectories).Order().ToArray();
        var writtenAt = manifests.ToDictionary(path => path, File.GetLastWriteTimeUtc);
        var interrupted = manifests[1];
        File.Delete(interrupted);

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync([.. TinyGrid, "--out", output.Path]);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("3 already complete, 1 to run", stdout);
        Assert.Equal(sweep, Assert.Single(Directory.GetDirectories(output.Path)));
        Assert.True(File.Exists(interrupted));
        Assert.All(manifests.Where(path => path != interrupted), path => Assert.Equal(writtenAt[path], File.GetLastWriteTimeUtc(path)));
        Assert.Equal(4L, DuckDbQuery.Value($"SELECT count(*) FROM '{Path.Combine(sweep, "sweep.parquet")}'"));
    }

    [Fact]
    public async Task Concurrent_runs_on_one_embedded_cluster_give_the_direct_engines_traces()
    {
        using var output = new TempDirectory();
        string[] grid = ["sweep", "scenarios/quickstart.yaml", "--set", "retail.count=1000,2000,3000", "--ticks", "20", "--parallel", "3", "--quiet"];

        var direct = await MarketSimProcess.RunAsync([.. grid, "--engine", "direct", "--out", Path.Combine(output.Path, "direct")]);
        var orleans = await MarketSimProcess.RunAsync([.. grid, "--engine", "orleans", "--out", Path.Combine(output.Path, "orleans")]);

        Assert.True(direct.ExitCode == 0, direct.Output + direct.Error);
        Assert.True(orleans.ExitCode == 0, orleans.Output + orleans.Error);
        string Hashes(string engine) => (string)DuckDbQuery.Value(
            $"SELECT string_agg(trace_hash, ',' ORDER BY point) FROM '{Path.Combine(output.Path, engine, "*", "sweep.parquet")}'");
        Assert.Equal(Hashes("direct"), Hashes("orleans"));
    }

    [Fact]
    public async Task Csv_format_writes_csv_traces_and_a_sweep_csv()
    {
        using var output = new TempDirectory();

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(
            ["sweep", "scenarios/quickstart.yaml", "--set", "retail.count=1000,2000", "--ticks", "20", "--engine", "direct", "--format", "csv", "--quiet", "--out", output.Path]);

        Assert.True(exit == 0, stdout + stderr);
        var sweep = Assert.Single(Directory.GetDirectories(output.Path));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(sweep, "sweep.csv")).Length);
        Assert.True(File.Exists(Path.Combine(sweep, "runs", "p1-r0", "market.csv")));
    }

    [Fact]
    public async Task Bad_sets_are_reported_one_line_each_before_any_run()
    {
        using var output = new TempDirectory();

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(
            ["sweep", "scenarios/quickstart.yaml", "--set", "funds[0].targetLeverage=1,40", "--set", "retail.nothing=3", "--set", "oops", "--out", output.Path]);

        Assert.Equal(2, exit);
        var errors = (stdout + stderr).Split('\n').Where(line => line.StartsWith("error:", StringComparison.Ordinal)).ToArray();
        Assert.Single(errors);
        Assert.Contains("--set 'oops'", errors[0]);

        (exit, stdout, stderr) = await MarketSimProcess.RunAsync(
            ["sweep", "scenarios/quickstart.yaml", "--set", "funds[0].targetLeverage=1,40", "--set", "retail.nothing=3", "--out", output.Path]);

        Assert.Equal(2, exit);
        errors = (stdout + stderr).Split('\n').Where(line => line.StartsWith("error:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, line => line.Contains("retail.nothing") && line.Contains("unknown field"));
        Assert.Contains(errors, line => line.Contains("funds[0].targetLeverage") && line.Contains("got 40"));
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
    }

    private static string[] RunNames(string sweep) =>
        [.. Directory.GetDirectories(Path.Combine(sweep, "runs")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
