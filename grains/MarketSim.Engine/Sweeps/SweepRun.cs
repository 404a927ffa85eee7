using System.Text.Json;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Sweeps;

/// <summary>
/// One run of a sweep: a grid point, a replica, its seed, its name (<c>p03-r1</c>: point 3, replica 1)
/// and the grid point's <c>path=value</c> overrides (the seed is set apart).
/// </summary>
public sealed record SweepRun(int Point, int Replica, long Seed, string Name, IReadOnlyList<string> Overrides)
{
    /// <summary>Folder of the run's trace, relative to the sweep folder.</summary>
    public string Folder => $"runs/{Name}";

    /// <summary>
    /// Whether <paramref name="sweepDirectory"/> holds a complete trace of this run: a manifest, which is
    /// written last, for this run's seed. An unreadable manifest counts as incomplete, so the run is redone.
    /// </summary>
    public bool IsCompleteIn(string sweepDirectory)
    {
        var folder = Path.Combine(sweepDirectory, Folder);
        if (!File.Exists(Path.Combine(folder, TraceWriter.ManifestFileName)))
        {
            return false;
        }

        try
        {
            return TraceReader.ReadManifest(folder).Seed == Seed;
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException)
        {
            return false;
        }
    }
}
