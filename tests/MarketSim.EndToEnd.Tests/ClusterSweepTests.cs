using System.Text.Json;

namespace MarketSim.EndToEnd.Tests;

/// <summary>
/// <c>marketsim sweep --cluster</c> on two real silo processes: as many runs at a time as the cluster has silos,
/// runs in flight together with their venues on different silos, and the same table as an embedded sweep of the
/// same grid and seeds.
/// </summary>
[Collection(LocalClusterCollection.Name)]
public sealed class ClusterSweepTests(LocalCluster cluster) : IClassFixture<LocalCluster>
{
    private static readonly string[] Grid =
        ["sweep", "scenarios/quickstart.yaml", "--set", "funds[0].targetLeverage=1,4", "--replicas", "2", "--ticks", "40", "--set", "retail.count=4000", "--quiet"];

    [Fact]
    public async Task A_cluster_sweep_runs_one_run_per_silo_at_a_time_and_writes_the_embedded_sweeps_table()
    {
        using var output = new TempDirectory();

        var onCluster = await MarketSimProcess.RunAsync([.. Grid, "--cluster", cluster.Address, "--out", Path.Combine(output.Path, "cluster")]);
        var embedded = await MarketSimProcess.RunAsync([.. Grid, "--out", Path.Combine(output.Path, "embedded")]);

        Assert.True(onCluster.ExitCode == 0, onCluster.Output + onCluster.Error);
        Assert.True(embedded.ExitCode == 0, embedded.Output + embedded.Error);
        Assert.Contains($"4 to run, {LocalCluster.Silos} at a time on the cluster at {cluster.Address}", onCluster.Output);

        var clusterTable = Table(output, "cluster");
        var embeddedTable = Table(output, "embedded");
        Assert.Equal(4L, DuckDbQuery.Value($"SELECT count(*) FROM '{clusterTable}'"));
        Assert.Equal(0L, DuckDbQuery.Value(
            $"SELECT count(*) FROM ((SELECT * FROM '{clusterTable}' EXCEPT ALL SELECT * FROM '{embeddedTable}') UNION ALL (SELECT * FROM '{embeddedTable}' EXCEPT ALL SELECT * FROM '{clusterTable}'))"));
        Assert.Equal(
            DuckDbQuery.Value($"SELECT string_agg(trace_hash, ',' ORDER BY point, replica) FROM '{embeddedTable}'"),
            DuckDbQuery.Value($"SELECT string_agg(trace_hash, ',' ORDER BY point, replica) FROM '{clusterTable}'"));

        // Runs overlapped in time, and each pair that did had its venue on a different silo.
        var sweep = Path.GetDirectoryName(clusterTable)!;
        var runs = Directory.GetDirectories(Path.Combine(sweep, "runs")).Select(folder => Run.Read(sweep, folder)).ToArray();
        var logs = Enumerable.Range(1, LocalCluster.Silos).Select(cluster.SiloLog).ToArray();
        var overlapping = (from a in runs from b in runs where string.CompareOrdinal(a.Id, b.Id) < 0 && a.Started < b.Finished && b.Started < a.Finished select (a, b)).ToArray();
        Assert.NotEmpty(overlapping);
        Assert.All(overlapping, pair => Assert.NotEqual(VenueSilo(logs, pair.a.Id), VenueSilo(logs, pair.b.Id)));
    }

    /// <summary>The silo (1-based) whose log says it placed venue 0 of <paramref name="runId"/>.</summary>
    private static int VenueSilo(string[] logs, string runId)
    {
        var line = $"Run {runId} venue 0 placed on silo";
        return Assert.Single(Enumerable.Range(1, logs.Length), silo => logs[silo - 1].Contains(line, StringComparison.Ordinal));
    }

    private static string Table(TempDirectory output, string sweeps) =>
        Path.Combine(Assert.Single(Directory.GetDirectories(Path.Combine(output.Path, sweeps))), "sweep.parquet");

    private sealed record Run(string Id, DateTimeOffset Started, DateTimeOffset Finished)
    {
        public static Run Read(string sweep, string folder)
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
            var root = manifest.RootElement;
            Assert.Equal($"{Path.GetFileName(sweep)}/{Path.GetFileName(folder)}", root.GetProperty("runId").GetString());
            return new Run(root.GetProperty("runId").GetString()!, root.GetProperty("startedAt").GetDateTimeOffset(), root.GetProperty("finishedAt").GetDateTimeOffset());
        }
    }
}
