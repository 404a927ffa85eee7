using MarketSim.Abstractions.Serialization;
using MarketSim.Grains.Placement;
using Orleans.Serialization;

namespace MarketSim.Grains.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds what every MarketSim silo needs: the serializers for Engine types and the placement that
    /// spreads a run over the silos. Clustering is the host's choice (embedded localhost, Redis, Kubernetes).
    /// </summary>
    public static ISiloBuilder AddMarketSim(this ISiloBuilder builder)
    {
        builder.Services.AddSerializer(serializer => serializer.AddMarketSimSerialization());
        return builder.AddPlacementDirector<SpreadPlacement, SpreadPlacementDirector>();
    }
}
