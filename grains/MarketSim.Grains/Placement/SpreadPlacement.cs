namespace MarketSim.Grains.Placement;

/// <summary>
/// Places a run's venues and participants round-robin over the silos by the index their key ends
/// in (see <see cref="SpreadPlacementDirector"/>), so the same scenario on the same number of silos
/// always spreads the same way, and every silo carries part of every run.
/// </summary>
[GenerateSerializer, Immutable, Alias("MarketSim.SpreadPlacement")]
public sealed class SpreadPlacement : PlacementStrategy
{
    internal static SpreadPlacement Singleton { get; } = new();
}
