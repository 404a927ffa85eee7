namespace MarketSim.EndToEnd.Tests;

/// <summary>plot and report through the real console, on a run it just made.</summary>
public sealed class PlotAndReportCommandTests
{
    [Fact]
    public async Task Plot_then_report_leave_charts_and_a_report_that_links_them()
    {
        using var output = new TempDirectory();
        var made = await MarketSimProcess.RunAsync("run", "scenarios/quickstart.yaml", "--engine", "direct", "--ticks", "40", "--set", "retail.count=2000", "--quiet", "--out", output.Path);
        Assert.True(made.ExitCode == 0, made.Output + made.Error);
        var run = Assert.Single(Directory.GetDirectories(output.Path));

        var plot = await MarketSimProcess.RunAsync("plot", run);
        var report = await MarketSimProcess.RunAsync("report", run);

        Assert.True(plot.ExitCode == 0, plot.Output + plot.Error);
        // 40 calm ticks: every chart but the trigger levels, since nothing was forced.
        Assert.Equal(7, Directory.GetFiles(run, "*.png").Length);
        Assert.True(File.Exists(Path.Combine(run, "cost-basis-BTC.png")));
        Assert.Contains("skipped trigger levels", plot.Output);
        Assert.Contains("- [cost-basis-BTC.png](cost-basis-BTC.png)", File.ReadAllText(Path.Combine(run, "report.md")));
        Assert.True(report.ExitCode == 0, report.Output + report.Error);
        Assert.Contains("## Stylized facts of returns", report.Output);
        Assert.Contains("- [price-BTC-spot.png](price-BTC-spot.png)", File.ReadAllText(Path.Combine(run, "report.md")));
    }

    [Fact]
    public async Task A_folder_without_a_trace_is_bad_input()
    {
        using var output = new TempDirectory();

        var (exit, stdout, stderr) = await MarketSimProcess.RunAsync("plot", output.Path);

        Assert.Equal(2, exit);
        Assert.Contains("no trace here", stdout + stderr);
    }
}
