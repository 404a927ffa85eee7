using System.Text.Json;

namespace MarketSim.EndToEnd.Tests;

/// <summary>The README's quick start and the determinism promises, through the real console.</summary>
public sealed class RunCommandTests
{
    // A shortened quickstart keeps the suite fast; the full one is what the README runs.
    private static readonly string[] Small = ["--ticks", "80", "--set", "retail.count=20000", "--quiet"];

    [Fact]
    public async Task Quickstart_run_leaves_a_complete_trace_that_duckdb_reads()
    {
        using var output = new TempDirectory();

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(["run", "scenarios/quickstart.yaml", "--out", output.Path, .. Small]);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("conservation", stdout);
        Assert.Contains("ok", stdout);
        var run = Assert.Single(Directory.GetDirectories(output.Path));
        Assert.Empty(Directory.GetFiles(run, "*.tmp", SearchOption.AllDirectories));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")));
        Assert.Equal("orleans", manifest.RootElement.GetProperty("engine").GetString());
        Assert.Matches("^[0-9a-f]{64}$", manifest.RootElement.GetProperty("traceHash").GetString());

        Assert.Equal(80L, DuckDbQuery.Value($"SELECT count(*) FROM read_parquet('{Path.Combine(run, "market.parquet")}')"));
        Assert.Equal(80L, DuckDbQuery.Value($"SELECT count(*) FROM read_parquet('{Path.Combine(run, "liquidations.parquet")}')"));
        Assert.Equal(800L, DuckDbQuery.Value($"SELECT count(*) FROM read_parquet('{Path.Combine(run, "flows.parquet")}')"));
        Assert.True(Convert.ToDouble(DuckDbQuery.Value($"SELECT sum(volume) FROM read_parquet('{Path.Combine(run, "market.parquet")}')")) > 0);
    }

    [Fact]
    public async Task Trace_hash_is_the_same_across_engines_silo_counts_and_cohort_sizes()
    {
        using var output = new TempDirectory();

        var direct = await Hash(output, "--engine", "direct");
        var orleans = await Hash(output, "--engine", "orleans", "--silos", "1");
        var threeSilos = await Hash(output, "--engine", "orleans", "--silos", "3", "--cohort-size", "1000");
        var bigCohorts = await Hash(output, "--engine", "orleans", "--silos", "1", "--cohort-size", "20000");
        var otherSeed = await Hash(output, "--engine", "direct", "--seed", "43");

        Assert.Equal(direct, orleans);
        Assert.Equal(direct, threeSilos);
        Assert.Equal(direct, bigCohorts);
        Assert.NotEqual(direct, otherSeed);
    }

    private static async Task<string> Hash(TempDirectory output, params string[] args) =>
        (await QuickstartRun.ManifestAsync(output, [.. Small, .. args])).GetProperty("traceHash").GetString()!;
}
