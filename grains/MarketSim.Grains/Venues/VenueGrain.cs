using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Venues;

namespace MarketSim.Grains.Venues;

/// <summary>Hosts one Engine <see cref="Venue"/>; every phase is one call into it.</summary>
public sealed class VenueGrain : Grain, IVenueGrain
{
    private Venue? _venue;

    private Venue Venue => _venue ?? throw new InvalidOperationException($"venue {this.GetPrimaryKeyString()} is not initialized");

    public Task Initialize(RunSetup setup, int venue)
    {
        _venue ??= new Venue(new MarketLayout(setup.Scenario, setup.CohortSize), venue);
        return Task.CompletedTask;
    }

    public Task Submit(int endpoint, OrderBatch orders)
    {
        Venue.Submit(endpoint, orders);
        return Task.CompletedTask;
    }

    public Task<ClearReport> Clear(long tick, int round) => Task.FromResult(Venue.Clear(tick, round));

    public Task<FillBatch> TakeFills(int endpoint) => Task.FromResult(Venue.TakeFills(endpoint));

    public Task<VenueTickReport> CloseTick(long tick) => Task.FromResult(Venue.CloseTick(tick));

    public Task<Ledger> Holdings() => Task.FromResult(Venue.Holdings());
}
