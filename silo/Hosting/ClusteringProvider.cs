namespace MarketSim.Silo.Hosting;

/// <summary>How silos find each other: the value of <c>Orleans:Clustering:ProviderType</c>.</summary>
public enum ClusteringProvider
{
    /// <summary>One silo on this machine, membership in memory: development.</summary>
    Localhost,

    /// <summary>Membership table in Redis: any number of silos on any machines.</summary>
    Redis,

    /// <summary>Redis membership plus Kubernetes hosting: pod names, pod IPs, and silos that follow pod deletions.</summary>
    Kubernetes,
}
