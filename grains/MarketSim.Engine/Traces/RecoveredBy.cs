using System.Text.Json.Serialization;

namespace MarketSim.Engine.Traces;

/// <summary>Who noticed a lost silo and restored the run; the manifest writes it in lower case.</summary>
public enum RecoveredBy
{
    /// <summary>The coordinator: a silo other than its own was lost during a phase.</summary>
    [JsonStringEnumMemberName("coordinator")]
    Coordinator,

    /// <summary>The client: the coordinator's own silo was lost, and a new activation resumed the run.</summary>
    [JsonStringEnumMemberName("client")]
    Client,
}
