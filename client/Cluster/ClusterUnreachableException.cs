namespace MarketSim.Client.Cluster;

/// <summary>The client could not join the cluster: one line for the user, with the address and why.</summary>
public sealed class ClusterUnreachableException(ClusterTarget target, string reason, Exception? inner = null)
    : Exception($"cannot reach the cluster at {target.Address}: {reason}", inner);
