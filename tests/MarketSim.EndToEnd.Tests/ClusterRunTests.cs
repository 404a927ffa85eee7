namespace MarketSim.EndToEnd.Tests;

/// <summary>
/// <c>marketsim run --cluster</c> against real silo processes clustered over Redis: the same trace as
/// the embedded engines, the manifest counts the cluster's silos, and a wrong target fails with the reason, not
/// by waiting out the client's connect budget, and leaves no run folder.
/// </summary>
[Collection(LocalClusterCollection.Name)]
public sealed class ClusterRunTests(LocalCluster cluster) : IClassFixture<LocalCluster>
{
    private static readonly string[] Small = ["--ticks", "60", "--set", "retail.count=20000", "--quiet"];

    [Fact]
    public async Task A_run_on_two_silo_processes_has_the_trace_hash_of_the_direct_engine()
    {
        using var output = new TempDirectory();

        var onCluster = await QuickstartRun.ManifestAsync(output, [.. Small, "--cluster", cluster.Address]);
        var direct = await QuickstartRun.ManifestAsync(output, [.. Small, "--engine", "direct"]);

        Assert.Equal("orleans", onCluster.GetProperty("engine").GetString());
        Assert.Equal(LocalCluster.Silos, onCluster.GetProperty("silos").GetInt32());
        Assert.Equal(direct.GetProperty("traceHash").GetString(), onCluster.GetProperty("traceHash").GetString());
    }

    [Fact]
    public async Task Sigint_stops_a_cluster_run_and_its_coordinator()
    {
        using var output = new TempDirectory();
        using var run = Hardening.SignalledProcess.Start(
            ["run", "scenarios/quickstart.yaml", "--ticks", "3000", "--set", "retail.count=20000", "--cluster", cluster.Address, "--out", output.Path],
            Hardening.StopSignalTests.IsTickLine);

        var exit = await run.SignalWhenReadyAsync("INT");

        Assert.True(exit == 130, run.Output + run.Error);
        var folder = Assert.Single(Directory.GetDirectories(output.Path));
        Hardening.StopSignalTests.AssertIncompleteTrace(folder, ticks: 3000);

        // The coordinator was told, and runs no tick for a client that has gone.
        var runId = Path.GetFileName(folder);
        Assert.Contains($"Run {runId} cancelled by its caller", cluster.SiloLogs());
    }

    [Fact]
    public async Task Every_silo_serves_the_dashboard()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        for (var silo = 1; silo <= LocalCluster.Silos; silo++)
        {
            var page = await http.GetStringAsync($"http://127.0.0.1:{cluster.DashboardPort(silo)}/");
            Assert.Contains("Orleans Dashboard", page);
        }
    }

    [Fact]
    public async Task A_cluster_id_with_no_silos_fails_fast_with_one_line()
    {
        var (exit, error, runFolders) = await RunOn(cluster.Address, "--cluster-id", "nobody");

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"error: cannot reach the cluster at {cluster.Address}: ", line);
        Assert.Contains("'nobody'", line);
        Assert.DoesNotContain(GaveUpWaiting, line, StringComparison.Ordinal);
        Assert.Equal(0, runFolders);
    }

    [Fact]
    public async Task An_address_where_nothing_listens_fails_fast_with_one_line()
    {
        var address = $"redis://127.0.0.1:{FreePorts.One()}";

        var (exit, error, runFolders) = await RunOn(address);

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"error: cannot reach the cluster at {address}: ", line);
        Assert.EndsWith("no Redis server answers there", line, StringComparison.Ordinal);
        Assert.Equal(0, runFolders);
    }

    /// <summary>How the client says it gave up on its connect budget: the failures above must be recognised before that.</summary>
    private const string GaveUpWaiting = "no answer within";

    /// <summary>Runs the small quickstart against <paramref name="address"/>; returns the exit code, stderr and how many run folders it made.</summary>
    private static async Task<(int ExitCode, string Error, int RunFolders)> RunOn(string address, params string[] args)
    {
        using var output = new TempDirectory();
        var (exit, _, error) = await MarketSimProcess.RunAsync(["run", "scenarios/quickstart.yaml", "--out", output.Path, .. Small, "--cluster", address, .. args]);
        return (exit, error, Directory.GetDirectories(output.Path).Length);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
