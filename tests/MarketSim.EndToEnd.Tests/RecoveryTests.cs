using System.Text.Json;

namespace MarketSim.EndToEnd.Tests;

/// <summary>
/// A quickstart run on two silo processes survives one of them being killed (SIGKILL) after its
/// second checkpoint: the silo that does not host the run's coordinator, or the one that does. Either
/// way the run finishes with the trace hash of the direct engine, and its manifest records the
/// recovery. Each test has a cluster of its own, since it ends with one silo fewer; the cluster is up
/// once every silo places grains on both, so the run has grains on the silo that is killed.
/// </summary>
[Collection(LocalClusterCollection.Name)]
public sealed class RecoveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Fact]
    public Task The_run_survives_losing_the_silo_without_the_coordinator() => RunAndKill(coordinator: false);

    [Fact]
    public Task The_run_survives_losing_the_silo_with_the_coordinator() => RunAndKill(coordinator: true);

    private static async Task RunAndKill(bool coordinator)
    {
        using var output = new TempDirectory();
        var cluster = new LocalCluster();
        await cluster.InitializeAsync();
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(output.Path, "cluster")).FullName;
            var run = MarketSimProcess.RunAsync("run", "scenarios/quickstart.yaml", "--cluster", cluster.Address, "--checkpoint-every", "50", "--quiet", "--out", folder);

            // The checkpoint for tick 100 is committed: there is one to restore, and four fifths of the run are left
            // to run into the loss however late the test sees the log line on a loaded machine.
            var host = await WaitForCheckpoint(cluster, run, tick: 100);
            var victim = coordinator ? host : LocalCluster.Silos + 1 - host;
            cluster.Kill(victim);
            Assert.False(
                Enumerable.Range(1, LocalCluster.Silos).Any(silo => cluster.SiloLog(silo).Contains(" finished after ", StringComparison.Ordinal)),
                $"the run finished before silo {victim} was killed, so nothing was lost\n{cluster.SiloLogs()}");

            var (exit, stdout, stderr) = await run.WaitAsync(Patience);
            Assert.True(exit == 0, $"exit {exit} after killing silo {victim} (coordinator on {host})\n{stdout}\n{stderr}\n{cluster.SiloLogs()}");

            var manifest = ReadManifest(folder);
            var direct = await QuickstartRun.ManifestAsync(output, "--engine", "direct", "--quiet");
            Assert.Equal(direct.GetProperty("traceHash").GetString(), manifest.GetProperty("traceHash").GetString());
            Assert.Equal(50, manifest.GetProperty("checkpointEvery").GetInt32());
            var recoveries = manifest.GetProperty("recoveries").EnumerateArray().ToArray();
            Assert.NotEmpty(recoveries);
            Assert.All(recoveries, r => Assert.True(r.GetProperty("fromCheckpoint").GetInt64() <= r.GetProperty("atTick").GetInt64()));
            // Only the client can notice that the coordinator itself is gone; any other loss the coordinator notices.
            Assert.Contains(recoveries, r => r.GetProperty("by").GetString() == (coordinator ? "client" : "coordinator"));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Waits until a silo log shows the checkpoint for <paramref name="tick"/>; returns the silo (1-based) whose log shows the run starting, i.e. the coordinator's.</summary>
    private static async Task<int> WaitForCheckpoint(LocalCluster cluster, Task<(int ExitCode, string Output, string Error)> run, long tick)
    {
        var committed = $"checkpoint for tick {tick} committed";
        var host = 0;
        var seen = await cluster.WaitForLogsAsync(
            logs =>
            {
                host = Array.FindIndex(logs, log => log.Contains(" started on silo ", StringComparison.Ordinal)) + 1;
                return host > 0 && logs.Any(log => log.Contains(committed, StringComparison.Ordinal));
            },
            run,
            Patience);
        if (!seen)
        {
            var (exit, stdout, stderr) = run.IsCompleted ? await run : (-1, "", "");
            Assert.Fail($"no checkpoint for tick {tick} within {Patience} (run exit {exit})\n{stdout}\n{stderr}\n{cluster.SiloLogs()}");
        }

        return host;
    }

    private static JsonElement ReadManifest(string folder)
    {
        var run = Assert.Single(Directory.GetDirectories(folder));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")));
        return manifest.RootElement.Clone();
    }
}
