using System.Text.Json;
using MarketSim.Engine.Orders;
using Orleans.Serialization;

namespace MarketSim.Abstractions.Serialization;

public static class SerializerBuilderExtensions
{
    /// <summary>
    /// Lets the Engine's plain records (scenario, snapshots, reports, trace rows) cross grain
    /// boundaries through System.Text.Json, keeping the Engine free of Orleans attributes. The two
    /// hot types, <see cref="OrderBatch"/> and <see cref="FillBatch"/>, use generated surrogates
    /// instead. Silo and client must both call this.
    /// </summary>
    public static ISerializerBuilder AddMarketSimSerialization(this ISerializerBuilder builder)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General) { IncludeFields = false };
        return builder.AddJsonSerializer(IsEngineRecord, options);
    }

    private static bool IsEngineRecord(Type type) =>
        type.Namespace?.StartsWith("MarketSim.Engine", StringComparison.Ordinal) == true
        && type != typeof(OrderBatch)
        && type != typeof(FillBatch);
}
