using System.Reflection;
using MarketSim.Engine.Metrics;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Runs;

/// <summary>
/// One run from setup to trace folder: run it on a host, write each tick's rows to the tables and fold the
/// summary as ticks arrive (so no run's rows are held in memory), then write the summary and manifest (last).
/// Cancelled, it stops at the next tick boundary and writes the ticks it completed as an incomplete trace (<see cref="TraceWriter.IncompleteManifestFileName"/>, no
/// <c>manifest.json</c>). What <c>run</c> does once and <c>sweep</c> does for every run of its grid.
/// </summary>
public static class RunExecution
{
    /// <summary>Executes <paramref name="request"/> on <paramref name="host"/>, calling <paramref name="onTick"/> with each tick and the summary so far.</summary>
    public static async Task<CompletedRun> ExecuteAsync(IRunHost host, PlannedRun request, Action<TickRecord, RunSummaryBuilder> onTick, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var summary = new RunSummaryBuilder();
        var recoveries = new List<RunRecovery>();
        var stopped = false;

        // Rows are written whatever the token says: a stopped run keeps the ticks it completed.
        await using var trace = await TraceWriter.CreateAsync(request.Folder, request.Format, CancellationToken.None);
        try
        {
            await foreach (var record in host.RunAsync(request.Setup, recoveries, cancellationToken))
            {
                await trace.AddAsync(record, CancellationToken.None);
                summary.Add(record);
                onTick(record, summary);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && summary.Ticks > 0)
        {
            // Asked to stop: keep the ticks that completed. With none there is nothing to keep.
            stopped = true;
        }

        // The trace hash is set by the writer from what it wrote, in the summary and the manifest alike.
        var runSummary = summary.Build(request.Setup.RunId, traceHash: "");
        var scenario = request.Setup.Scenario;
        var manifest = new RunManifest(
            request.Setup.RunId, scenario.Name, request.ScenarioFile, scenario.Seed, scenario.Ticks, host.Engine, host.Silos, request.Setup.CohortSize,
            Version(typeof(RunExecution).Assembly), Version(typeof(IGrain).Assembly), Environment.Version.ToString(),
            started, DateTimeOffset.UtcNow, "", [], request.Overrides, request.Setup.CheckpointEvery, recoveries, stopped ? summary.Ticks : null);

        // The run is over or stopped: complete its trace even though cancellation has come, rather than throw the work away.
        var written = await trace.CompleteAsync(manifest, runSummary, CancellationToken.None);
        return new CompletedRun(request.Folder, written.Manifest, written.Summary);
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
