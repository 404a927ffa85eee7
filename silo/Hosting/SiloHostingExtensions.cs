using MarketSim.Grains.Hosting;

namespace MarketSim.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this application a MarketSim silo configured from <paramref name="builder"/>'s
    /// configuration (settings files, <c>Orleans__…</c> environment variables, command line):
    /// clustering, endpoints, membership tuning, checkpoint storage, dashboard and telemetry. Every
    /// setting is read and checked here, so a wrong one stops the process before it joins a cluster.
    /// </summary>
    /// <exception cref="Configuration.InvalidSettingException">A setting is missing or malformed; the message names it.</exception>
    public static WebApplicationBuilder AddMarketSimSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;

        // AddOrleans rather than UseOrleans: UseOrleans also hands the host configuration to Orleans'
        // own provider binding, which would read Orleans:Clustering too, know neither Localhost nor
        // Kubernetes-over-Redis, and report problems without the setting's path. Here the
        // extensions below are the one reader of the Orleans section.
        builder.Services.AddOrleans(silo =>
        {
            silo.AddMarketSimClustering(configuration)
                .AddMarketSimEndpoints(configuration)
                .AddMarketSimMembership(configuration)
                .AddMarketSimCheckpointStorage(configuration)
                .AddMarketSim();
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloStatusLog>();
            builder.AddMarketSimDashboard(silo);
        });
        builder.Services.AddMarketSimTelemetry(configuration);
        return builder;
    }
}
