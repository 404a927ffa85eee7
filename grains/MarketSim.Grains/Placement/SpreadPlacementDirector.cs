using System.Globalization;
using MarketSim.Abstractions.Runs;
using Orleans.Runtime.Placement;

namespace MarketSim.Grains.Placement;

/// <summary>
/// Puts the grain whose key ends in index i (<see cref="RunSetup.SpreadIndex"/>) on silo i mod n of
/// the n compatible silos in address order. Load statistics play no part: the default placement
/// follows CPU load, which on a busy machine can leave a silo with no part of a run, and then a
/// second silo buys no speed and losing it tests no recovery. Placement hints are ignored for the
/// same reason: a hint that placed a coordinator flows on with its calls and would pull the whole
/// run after it.
/// </summary>
internal sealed class SpreadPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 0)
        {
            throw new SiloUnavailableException($"no silo can host {target.GrainIdentity}");
        }

        Array.Sort(silos);
        var key = target.GrainIdentity.Key.ToString();
        var index = RunSetup.SpreadIndex(key)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"grain key '{key}' ends in no index to spread by"));
        return Task.FromResult(silos[index % silos.Length]);
    }
}
