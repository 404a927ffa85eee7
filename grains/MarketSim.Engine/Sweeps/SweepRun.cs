namespace MarketSim.Engine.Sweeps;

/// <summary>
/// One run of a sweep: a grid point, a replica, its seed, its name (<c>p03-r1</c>: point 3, replica 1)
/// and the grid point's <c>path=value</c> overrides (the seed is set apart).
/// </summary>
public sealed record SweepRun(int Point, int Replica, long Seed, string Name, IReadOnlyList<string> Overrides)
{
    /// <summary>Folder of the run's trace, relative to the sweep folder.</summary>
    public string Folder => $"runs/{Name}";
}
