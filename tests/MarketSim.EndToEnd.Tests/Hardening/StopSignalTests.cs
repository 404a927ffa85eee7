using System.Text.Json;

namespace MarketSim.EndToEnd.Tests.Hardening;

/// <summary>
/// Ctrl-C and SIGTERM stop a run at a tick boundary (issue 13, case 1): real signals to the real
/// console, which exits 130 / 143 and leaves the ticks it completed as an incomplete trace — tables,
/// summary and <c>incomplete.json</c>, never a <c>manifest.json</c> — that <c>report</c> labels.
/// </summary>
public sealed class StopSignalTests
{
    /// <summary>Progress lines (one per tenth of the run) start like this once ticks are running.</summary>
    internal static bool IsTickLine(string line) => line.StartsWith("tick ", StringComparison.Ordinal);

    [Fact]
    public async Task Sigint_during_the_quick_start_on_the_embedded_silo_exits_130_with_an_incomplete_trace_that_report_labels()
    {
        using var output = new TempDirectory();
        using var run = SignalledProcess.Start(["run", "scenarios/quickstart.yaml", "--out", output.Path], IsTickLine);

        var exit = await run.SignalWhenReadyAsync("INT");

        Assert.True(exit == 130, run.Output + run.Error);
        var folder = Assert.Single(Directory.GetDirectories(output.Path));
        var completed = AssertIncompleteTrace(folder, ticks: 500);
        Assert.Contains($"stopped after tick {completed} of 500", run.Output);

        var (reportExit, report, reportError) = await MarketSimProcess.RunAsync("report", folder);
        Assert.True(reportExit == 0, report + reportError);
        Assert.Contains($"**Incomplete trace**: the run was stopped after {completed:N0} of 500 ticks.", report);
        Assert.Contains("warning:", reportError);
        Assert.Contains("incomplete trace", reportError);
    }

    [Fact]
    public async Task Sigterm_on_the_direct_engine_exits_143_with_an_incomplete_trace()
    {
        using var output = new TempDirectory();
        using var run = SignalledProcess.Start(["run", "scenarios/quickstart.yaml", "--engine", "direct", "--ticks", "3000", "--set", "retail.count=20000", "--out", output.Path], IsTickLine);

        var exit = await run.SignalWhenReadyAsync("TERM");

        Assert.True(exit == 143, run.Output + run.Error);
        AssertIncompleteTrace(Assert.Single(Directory.GetDirectories(output.Path)), ticks: 3000);
    }

    [Fact]
    public async Task A_sweep_stopped_by_sigint_resumes_and_completes()
    {
        using var output = new TempDirectory();
        string[] sweep = ["sweep", "scenarios/quickstart.yaml", "--set", "retail.count=5000,6000", "--ticks", "1500", "--parallel", "1", "--engine", "direct", "--out", output.Path];
        // Redirected, a sweep prints a line per finished run: "[1] …" means the second run is under way.
        using (var first = SignalledProcess.Start(sweep, line => line.StartsWith("[1] ", StringComparison.Ordinal)))
        {
            var exit = await first.SignalWhenReadyAsync("INT");

            Assert.True(exit == 130, first.Output + first.Error);
            Assert.Contains("sweep cancelled", first.Output);
        }

        var sweepFolder = Assert.Single(Directory.GetDirectories(output.Path));
        var runs = Path.Combine(sweepFolder, "runs");
        // One run finished before the signal, the other was stopped: only the first has a manifest.
        Assert.Single(Directory.GetDirectories(runs), run => File.Exists(Path.Combine(run, "manifest.json")));

        var (resumed, stdout, stderr) = await MarketSimProcess.RunAsync([.. sweep, "--quiet"]);

        Assert.True(resumed == 0, stdout + stderr);
        Assert.Equal(2, Directory.GetDirectories(runs).Length);
        Assert.All(Directory.GetDirectories(runs), run =>
        {
            Assert.True(File.Exists(Path.Combine(run, "manifest.json")), run);
            Assert.False(File.Exists(Path.Combine(run, "incomplete.json")), run);
        });
    }

    /// <summary>Checks the folder holds an incomplete trace of a run of <paramref name="ticks"/> and returns the ticks it completed.</summary>
    internal static int AssertIncompleteTrace(string folder, int ticks)
    {
        Assert.False(File.Exists(Path.Combine(folder, "manifest.json")), "a stopped run must not leave a manifest.json");
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "incomplete.json")));
        Assert.False(manifest.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(ticks, manifest.RootElement.GetProperty("ticks").GetInt32());
        var completed = manifest.RootElement.GetProperty("completedTicks").GetInt32();
        Assert.InRange(completed, 1, ticks - 1);

        // Exactly the completed ticks are in the table: every tick that started was finished and written.
        Assert.Equal((long)completed, DuckDbQuery.Value($"SELECT count(*) FROM read_parquet('{Path.Combine(folder, "market.parquet")}')"));
        Assert.Equal((long)completed - 1, Convert.ToInt64(DuckDbQuery.Value($"SELECT max(tick) FROM read_parquet('{Path.Combine(folder, "market.parquet")}')")));
        return completed;
    }
}
