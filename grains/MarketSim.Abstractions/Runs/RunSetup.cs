using System.Globalization;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Abstractions.Runs;

/// <summary>
/// Everything a grain needs to build its part of a run's market, and how often the coordinator
/// checkpoints it: after the close of every <see cref="CheckpointEvery"/>-th tick (0: never).
/// </summary>
[GenerateSerializer, Immutable, Alias("MarketSim.RunSetup")]
public sealed record RunSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] Scenario Scenario,
    [property: Id(2)] int CohortSize,
    [property: Id(3)] int CheckpointEvery = 0)
{
    public string VenueKey(int venue) => $"{RunId}/venue/{venue}";

    public string ParticipantKey(int endpoint) => $"{RunId}/participant/{endpoint}";

    public string GroupKey(int first, int count) => $"{RunId}/group/{first}+{count}";

    /// <summary>
    /// The index a venue or participant key ends in (the venue, the endpoint), by which placement
    /// spreads a run over the silos; null for a key of another shape.
    /// </summary>
    public static int? SpreadIndex(string key)
    {
        var last = key.AsSpan(key.LastIndexOf('/') + 1);
        return int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }
}
