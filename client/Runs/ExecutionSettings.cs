using MarketSim.Client.Cluster;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Runs;

/// <summary>
/// How runs execute and are written, shared by <c>run</c> and <c>sweep</c>: the engine, its embedded
/// silos or a running cluster to join, retail agents per cohort (null: the scenario's), the table
/// format, whether to show progress, and how often to checkpoint (null: the scenario's, else the
/// default). None of it changes a trace hash.
/// </summary>
public sealed record ExecutionSettings(EngineKind Engine, int Silos, int? CohortSize, TraceFormat Format, bool ShowProgress, ClusterTarget? Cluster = null, int? CheckpointEvery = null)
{
    /// <summary>Checkpoint interval on a cluster when neither the command line nor the scenario sets one.</summary>
    public const int DefaultClusterCheckpointEvery = 50;

    public int CohortSizeFor(Scenario scenario) => CohortSize ?? scenario.Retail.CohortSize;

    /// <summary>
    /// Ticks between checkpoints: the command line's, else the scenario's, else every
    /// <see cref="DefaultClusterCheckpointEvery"/> on a cluster (where silos can be lost and the run
    /// survives) and never in this process (embedded silos and their memory storage die together).
    /// The direct engine never checkpoints.
    /// </summary>
    public int CheckpointEveryFor(Scenario scenario) => Engine == EngineKind.Direct
        ? 0
        : CheckpointEvery ?? scenario.Checkpoint?.EveryTicks ?? (Cluster is not null ? DefaultClusterCheckpointEvery : 0);

    /// <summary>
    /// Runs at a time when the command line does not say: one per active silo of a cluster (each run's spread then
    /// starts on a silo of its own), else one per processor of this machine, which runs them all.
    /// </summary>
    public int DefaultParallel(IRunHost host) => Cluster is not null ? Math.Max(1, host.Silos) : Environment.ProcessorCount;

    /// <summary>Where runs go, for a line of output: the direct engine, embedded silos, or the cluster and its active silos.</summary>
    public string Describe(IRunHost host) => this switch
    {
        { Engine: EngineKind.Direct } => "the direct engine",
        { Cluster: { } cluster } => $"the cluster at {cluster.Address} ({host.Silos} active silo(s))",
        _ => $"orleans ({host.Silos} embedded silo(s))",
    };

    /// <summary>Starts the host these settings ask for; one host can serve many runs at once.</summary>
    public async Task<IRunHost> StartHostAsync(CancellationToken cancellationToken) => this switch
    {
        { Engine: EngineKind.Direct } => new DirectRunHost(),
        { Cluster: { } cluster } => await OrleansRunHost.ConnectAsync(cluster, cancellationToken),
        _ => await OrleansRunHost.StartEmbeddedAsync(Silos, cancellationToken),
    };
}
