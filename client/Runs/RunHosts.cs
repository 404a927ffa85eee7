namespace MarketSim.Client.Runs;

/// <summary>Starts the host that <see cref="RunSettings"/> ask for; one host can serve many runs at once.</summary>
public static class RunHosts
{
    public static async Task<IRunHost> StartAsync(RunSettings options, CancellationToken cancellationToken) => options switch
    {
        { Engine: EngineKind.Direct } => new DirectRunHost(),
        { Cluster: { } cluster } => await OrleansRunHost.ConnectAsync(cluster, cancellationToken),
        _ => await OrleansRunHost.StartEmbeddedAsync(options.Silos, cancellationToken),
    };
}
