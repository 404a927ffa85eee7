namespace MarketSim.Client.Cluster;

/// <summary>The cluster a run goes to: its membership address and the ids its silos were started with.</summary>
public sealed record ClusterTarget(ClusterAddress Address, string ClusterId, string ServiceId);
