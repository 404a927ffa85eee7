namespace MarketSim.Grains.Hosting;

/// <summary>
/// Names every MarketSim silo and client agree on unless configured otherwise. A client finds a
/// cluster by (service id, cluster id) in the membership table, so both sides must use the same.
/// </summary>
public static class ClusterDefaults
{
    public const string ServiceId = "marketsim";

    public const string ClusterId = "marketsim";

    /// <summary>
    /// The grain storage provider that run checkpoints will be written to: in memory on an embedded
    /// or localhost silo, Redis on a Redis or Kubernetes cluster.
    /// </summary>
    public const string CheckpointStorage = "checkpoints";
}
