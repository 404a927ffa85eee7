using System.Text.Json;
using System.Text.Json.Serialization;

namespace MarketSim.Engine.Traces;

/// <summary>How <c>manifest.json</c> and <c>summary.json</c> are written and read.</summary>
internal static class TraceJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },

        // A degenerate run (no trades, so no drawdown) may produce NaN; write it rather than fail at the very end.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
