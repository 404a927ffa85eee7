using System.Text.Json;
using System.Text.Json.Serialization;
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
        // Trace rows may hold NaN (a cost-basis mean with no holders), which plain JSON numbers cannot carry.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            IncludeFields = false,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        return builder.AddJsonSerializer(IsEngineRecord, options);
    }

    private static bool IsEngineRecord(Type type) =>
        type.Namespace?.StartsWith("MarketSim.Engine", StringComparison.Ordinal) == true
        && type != typeof(OrderBatch)
        && type != typeof(FillBatch);
}
