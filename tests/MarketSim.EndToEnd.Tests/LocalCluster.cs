namespace MarketSim.EndToEnd.Tests;

/// <summary>
/// Redis and two real silo processes, started by <c>deploy/local-cluster.sh</c> exactly as the
/// README tells users to, on ports and in a state folder of this test run's own. Shared by the
/// tests of one class, because starting it is the slow part; stopped when they are done.
/// </summary>
public sealed class LocalCluster : IAsyncLifetime
{
    public const int Silos = 2;

    private readonly TempDirectory _state = new();
    private readonly int _firstPort = FreePorts.Block(1 + 3 * Silos);

    public int RedisPort => _firstPort;

    public string Address => $"redis://127.0.0.1:{RedisPort}";

    /// <summary>Silo i (1-based) serves its dashboard here.</summary>
    public int DashboardPort(int silo) => _firstPort + 1 + 2 * Silos + silo - 1;

    public async Task InitializeAsync()
    {
        var (exit, output, error) = await ScriptAsync("start", Silos.ToString());
        if (exit != 0)
        {
            throw new InvalidOperationException($"local-cluster.sh start failed ({exit}):\n{output}\n{error}\n{SiloLogs()}");
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await ScriptAsync("stop");
        }
        finally
        {
            _state.Dispose();
        }
    }

    /// <summary>The log of silo i (1-based), as far as it is written.</summary>
    public string SiloLog(int silo)
    {
        var path = Path.Combine(_state.Path, $"silo-{silo}.log");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>
    /// Waits until the silos' logs (silo 1 first) satisfy <paramref name="seen"/>, re-reading them
    /// when the file system reports a write rather than on a timer; false once <paramref name="abandon"/>
    /// completes or <paramref name="patience"/> is spent first.
    /// </summary>
    public async Task<bool> WaitForLogsAsync(Func<string[], bool> seen, Task abandon, TimeSpan patience)
    {
        using var written = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(_state.Path, "silo-*.log") { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Changed += (_, _) => written.Release();
        watcher.EnableRaisingEvents = true;
        using var timeout = new CancellationTokenSource(patience);
        while (!seen([.. Enumerable.Range(1, Silos).Select(SiloLog)]))
        {
            var wrote = written.WaitAsync(timeout.Token);
            if (await Task.WhenAny(wrote, abandon) != wrote || !await wrote.ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Kills silo i (1-based) with SIGKILL: no goodbye to the cluster, as when a machine dies.</summary>
    public void Kill(int silo)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(_state.Path, $"silo-{silo}.pid")).Trim());
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(10_000);
    }

    /// <summary>The silos' logs, for a failure message.</summary>
    public string SiloLogs() => string.Join("\n", Directory.GetFiles(_state.Path, "silo-*.log").Select(log => $"--- {log}\n{File.ReadAllText(log)}"));

    private Task<(int ExitCode, string Output, string Error)> ScriptAsync(params string[] args) => ChildProcess.RunAsync(
        "bash",
        [Path.Combine(Repository.Root, "deploy", "local-cluster.sh"), .. args],
        new Dictionary<string, string>
        {
            ["MARKETSIM_CLUSTER_DIR"] = _state.Path,
            ["MARKETSIM_REDIS_PORT"] = $"{RedisPort}",
            ["MARKETSIM_SILO_PORT"] = $"{_firstPort + 1}",
            ["MARKETSIM_GATEWAY_PORT"] = $"{_firstPort + 1 + Silos}",
            ["MARKETSIM_DASHBOARD_PORT"] = $"{_firstPort + 1 + 2 * Silos}",
            ["MARKETSIM_CONFIGURATION"] = Repository.Configuration,
            // The solution build that runs these tests has just built the silo (see the project file).
            ["MARKETSIM_NO_BUILD"] = "1",
            // A killed silo is declared dead within seconds instead of about a minute: three missed
            // probes of two seconds are a vote, and the one survivor's vote is enough. Not shorter:
            // on a loaded two-core machine a live silo must not look dead.
            ["Orleans__Membership__ProbeTimeout"] = "00:00:02",
            ["Orleans__Membership__NumMissedProbesLimit"] = "3",
            ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
        },
        // The first start on a fresh machine installs Redis with apt-get.
        TimeSpan.FromMinutes(10));
}
