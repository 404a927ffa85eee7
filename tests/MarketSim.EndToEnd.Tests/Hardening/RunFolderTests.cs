using System.Text.Json;

namespace MarketSim.EndToEnd.Tests.Hardening;

/// <summary>
/// Where a run's trace goes (issue 13, cases 2, 3, 6, 7): a folder of its own under <c>--out</c>,
/// unique even for runs started together, probed before the first tick, and a name that is only a name.
/// </summary>
public sealed class RunFolderTests
{
    private static readonly string[] Small = ["--engine", "direct", "--ticks", "30", "--set", "retail.count=2000", "--quiet"];

    [Fact]
    public async Task Two_runs_started_together_to_one_out_get_two_folders_and_two_hashes()
    {
        using var output = new TempDirectory();

        var runs = await Task.WhenAll(
            MarketSimProcess.RunAsync(["run", "scenarios/quickstart.yaml", "--out", output.Path, .. Small, "--set", "seed=7"]),
            MarketSimProcess.RunAsync(["run", "scenarios/quickstart.yaml", "--out", output.Path, .. Small, "--set", "seed=8"]));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Output + run.Error));
        var folders = Directory.GetDirectories(output.Path);
        Assert.Equal(2, folders.Length);
        var hashes = folders.Select(folder =>
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
            return manifest.RootElement.GetProperty("traceHash").GetString();
        }).ToArray();
        Assert.NotEqual(hashes[0], hashes[1]);

        // Each process printed its own folder, and left no claim behind.
        Assert.NotEqual(TraceLine(runs[0].Output), TraceLine(runs[1].Output));
        Assert.All(folders, folder => Assert.False(File.Exists(Path.Combine(folder, ".claimed"))));
    }

    [Theory]
    [InlineData("/var/other/x")]
    [InlineData("../../elsewhere/x")]
    [InlineData("")]
    public async Task A_name_that_is_a_path_or_empty_is_rejected_before_anything_is_written(string name)
    {
        using var output = new TempDirectory();
        var outside = Path.Combine(Path.GetTempPath(), "elsewhere");
        var existedBefore = Directory.Exists(outside);

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(["run", "scenarios/quickstart.yaml", "--out", Path.Combine(output.Path, "a", "b"), .. Small, "--set", $"name={name}"]);

        Assert.Equal(2, exit);
        Assert.Contains("name:", stderr);
        Assert.DoesNotContain("Exception", stdout + stderr);
        Assert.False(Directory.Exists(Path.Combine(output.Path, "a")));
        Assert.Equal(existedBefore, Directory.Exists(outside));
    }

    [Fact]
    public async Task A_bracket_in_the_name_is_shown_as_text_and_the_run_succeeds()
    {
        using var output = new TempDirectory();

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync(["run", "scenarios/quickstart.yaml", "--out", output.Path, .. Small, "--set", "name=BTC [test]"]);

        Assert.True(exit == 0, stdout + stderr);
        Assert.DoesNotContain("run failed", stdout + stderr);
        var folder = Assert.Single(Directory.GetDirectories(output.Path));
        Assert.StartsWith("BTC-test-seed", Path.GetFileName(folder));
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
        Assert.Contains($"run {Path.GetFileName(folder)}", stdout);
    }

    [Fact]
    public async Task An_out_that_is_a_file_or_under_a_file_fails_before_the_run()
    {
        using var output = new TempDirectory();
        var file = output.File("not-a-folder", "x");

        foreach (var bad in new[] { file, Path.Combine(file, "below") })
        {
            // Long enough that a failure found only after the run would be noticed in the output.
            var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("run", "scenarios/quickstart.yaml", "--out", bad, "--engine", "direct");

            Assert.Equal(2, exit);
            Assert.Contains($"--out: cannot write to '{bad}'", stderr);
            Assert.DoesNotContain("tick ", stdout);
        }
    }

    [Fact]
    public async Task An_empty_out_is_rejected()
    {
        var (exit, _, stderr) = await MarketSimProcess.RunAsync(["run", "scenarios/quickstart.yaml", "--out", "", .. Small]);

        Assert.Equal(2, exit);
        Assert.Contains("--out: must name a folder", stderr);
    }

    private static string TraceLine(string output) => output.Split('\n').Single(line => line.StartsWith("trace ", StringComparison.Ordinal) && !line.StartsWith("trace hash", StringComparison.Ordinal)).Trim();
}
