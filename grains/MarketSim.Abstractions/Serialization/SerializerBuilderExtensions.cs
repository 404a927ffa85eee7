using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Serialization;

namespace MarketSim.Abstractions.Serialization;

public static class SerializerBuilderExtensions
{
    /// <summary>
    /// Lets the Engine's records cross grain boundaries while the Engine stays free of Orleans: the
    /// per-tick messages (<see cref="EngineWireTypes.All"/>) through generated surrogates, everything else (the
    /// scenario in a run's setup, the trace rows going up to the client) through System.Text.Json.
    /// Silo and client must both call this.
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
        type.Namespace?.StartsWith("MarketSim.Engine", StringComparison.Ordinal) == true && !EngineWireTypes.All.Contains(type);
}
