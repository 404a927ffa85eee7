using Orleans.Placement;

namespace MarketSim.Grains.Placement;

/// <summary>Marks a run grain as placed by <see cref="SpreadPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SpreadPlacementAttribute() : PlacementAttribute(SpreadPlacement.Singleton);
