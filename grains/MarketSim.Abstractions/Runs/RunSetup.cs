using System.Globalization;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Abstractions.Runs;

/// <summary>
/// Everything a grain needs to build its part of a run's market, how often the coordinator
/// checkpoints it: after the close of every <see cref="CheckpointEvery"/>-th tick (0: never), and
/// where its spread over the silos starts: venue or endpoint i goes to silo (i + <see cref="SpreadOffset"/>) mod n,
/// so that runs sharing a cluster, each with its own offset (a small number, never negative: a sweep's lane), do not
/// all put venue 0 on the first silo. <see cref="OneSilo"/> puts all of a run's venues and participants on silo
/// <see cref="SpreadOffset"/> mod n instead: a run then makes no call between silos for its orders and fills, which is
/// what runs in flight together want once they are as many as the silos.
/// Placement never changes a trace.
/// </summary>
[GenerateSerializer, Immutable, Alias("MarketSim.RunSetup")]
public sealed record RunSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] Scenario Scenario,
    [property: Id(2)] int CohortSize,
    [property: Id(3)] int CheckpointEvery = 0,
    [property: Id(4)] int SpreadOffset = 0,
    [property: Id(5)] bool OneSilo = false)
{
    // The spread index goes last in the key, where placement reads it (SpreadIndex): placement sees only the key.
    public string VenueKey(int venue) => $"{RunId}/venue/{venue}/{SpreadSlot(venue)}";

    public string ParticipantKey(int endpoint) => $"{RunId}/participant/{endpoint}/{SpreadSlot(endpoint)}";

    public string GroupKey(int first, int count) => $"{RunId}/group/{first}+{count}";

    /// <summary>
    /// The index a venue or participant key ends in (the venue or endpoint plus the run's
    /// <see cref="SpreadOffset"/>), by which placement spreads a run over the silos; null for a key of another shape.
    /// </summary>
    public static int? SpreadIndex(string key)
    {
        var last = key.AsSpan(key.LastIndexOf('/') + 1);
        return int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    private int SpreadSlot(int index) => OneSilo ? SpreadOffset : index + SpreadOffset;
}
