using MarketSim.Abstractions.Serialization;
using MarketSim.Grains.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace MarketSim.Grains.Tests;

/// <summary>One two-silo in-process cluster shared by the grain tests; each test uses fresh run ids.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; } = Build();

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        await Cluster.DeployAsync();
        await Cluster.PlacesOnAllSilosAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private static InProcessTestCluster Build()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(ClusterDefaults.CheckpointStorage).AddMarketSim());
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddMarketSimSerialization()));
        return builder.Build();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
