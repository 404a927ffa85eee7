namespace MarketSim.Client.Runs;

/// <summary>Starts the host that <see cref="HostOptions"/> ask for; one host can serve many runs at once.</summary>
public static class RunHosts
{
    public static async Task<IRunHost> StartAsync(HostOptions options, CancellationToken cancellationToken) =>
        options.Engine == EngineKind.Direct
            ? new DirectRunHost()
            : await OrleansRunHost.StartEmbeddedAsync(options.Silos, cancellationToken);
}
