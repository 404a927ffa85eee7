namespace MarketSim.Abstractions.Serialization;

/// <summary>How a surrogate carries an Engine record's read-only list: as the array it usually already is.</summary>
internal static class WireLists
{
    public static T[] ToArray<T>(IReadOnlyList<T> list) => list as T[] ?? [.. list];
}
