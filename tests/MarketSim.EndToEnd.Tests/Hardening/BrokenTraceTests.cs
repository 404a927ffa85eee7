namespace MarketSim.EndToEnd.Tests.Hardening;

/// <summary>
/// Readers name what is broken (issue 13, case 9): <c>plot</c> and <c>report</c> name a corrupt file
/// and warn about a folder without a manifest; a sweep resume names a corrupt finished run and runs it again.
/// </summary>
public sealed class BrokenTraceTests
{
    private static readonly string[] Small = ["--engine", "direct", "--ticks", "20", "--set", "retail.count=2000", "--quiet"];

    [Fact]
    public async Task Plot_and_report_name_a_truncated_parquet_file()
    {
        using var output = new TempDirectory();
        var run = await MakeRunAsync(output);
        var market = Path.Combine(run, "market.parquet");
        File.WriteAllBytes(market, File.ReadAllBytes(market)[..200]);

        var plot = await MarketSimProcess.RunAsync("plot", run);
        var report = await MarketSimProcess.RunAsync("report", run);

        foreach (var (exit, stdout, stderr) in new[] { plot, report })
        {
            Assert.Equal(2, exit);
            Assert.Contains($"error: {market}: cannot be read", stderr);
            Assert.DoesNotContain("Exception", stdout + stderr);
        }
    }

    [Fact]
    public async Task Report_names_a_bad_manifest_without_a_raw_json_exception()
    {
        using var output = new TempDirectory();
        var run = await MakeRunAsync(output);
        File.WriteAllText(Path.Combine(run, "manifest.json"), "{ \"runId\": ");

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("report", run);

        Assert.Equal(2, exit);
        Assert.Contains($"error: {Path.Combine(run, "manifest.json")}: not a valid manifest.json", stderr);
        Assert.DoesNotContain("JsonException", stdout + stderr);
    }

    [Fact]
    public async Task Plot_and_report_warn_about_a_folder_without_a_manifest()
    {
        using var output = new TempDirectory();
        var run = await MakeRunAsync(output);
        File.Delete(Path.Combine(run, "manifest.json"));

        var plot = await MarketSimProcess.RunAsync("plot", run);
        var report = await MarketSimProcess.RunAsync("report", run);

        Assert.True(plot.ExitCode == 0, plot.Output + plot.Error);
        Assert.True(report.ExitCode == 0, report.Output + report.Error);
        Assert.Contains("warning:", plot.Error);
        Assert.Contains("no manifest.json: an incomplete trace", plot.Error);
        Assert.Contains("no manifest.json: an incomplete trace", report.Error);
        Assert.Contains("**Incomplete trace**: the folder has no manifest", report.Output);
    }

    [Fact]
    public async Task A_sweep_resume_names_a_corrupt_finished_run_and_runs_it_again()
    {
        using var output = new TempDirectory();
        string[] sweep = ["sweep", "scenarios/quickstart.yaml", "--set", "retail.count=1000,2000", "--ticks", "20", "--engine", "direct", "--quiet", "--out", output.Path];
        var first = await MarketSimProcess.RunAsync(sweep);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        var folder = Assert.Single(Directory.GetDirectories(output.Path));
        var market = Path.Combine(folder, "runs", "p1-r0", "market.parquet");
        File.WriteAllBytes(market, File.ReadAllBytes(market)[..200]);

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(sweep);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains($"run p1-r0 is broken ({market}: cannot be read", stdout);
        Assert.Contains("1 already complete, 1 to run", stdout);
        Assert.Equal(2L, DuckDbQuery.Value($"SELECT count(*) FROM '{Path.Combine(folder, "sweep.parquet")}'"));
        Assert.Equal(20L, DuckDbQuery.Value($"SELECT count(*) FROM read_parquet('{market}')"));
    }

    private static async Task<string> MakeRunAsync(TempDirectory output)
    {
        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(["run", "scenarios/quickstart.yaml", "--out", output.Path, .. Small]);
        Assert.True(exit == 0, stdout + stderr);
        return Assert.Single(Directory.GetDirectories(output.Path));
    }
}
