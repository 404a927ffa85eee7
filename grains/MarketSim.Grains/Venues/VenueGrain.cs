using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Venues;
using MarketSim.Grains.Checkpoints;
using MarketSim.Grains.Placement;
using Microsoft.Extensions.Logging;

namespace MarketSim.Grains.Venues;

/// <summary>Hosts one Engine <see cref="Venue"/>; every phase is one call into it, and so are checkpoints.</summary>
[SpreadPlacement]
public sealed partial class VenueGrain(
    [PersistentState(CheckpointStorage.SlotA, CheckpointStorage.Provider)] IPersistentState<CheckpointSlot> slotA,
    [PersistentState(CheckpointStorage.SlotB, CheckpointStorage.Provider)] IPersistentState<CheckpointSlot> slotB,
    ILogger<VenueGrain> logger)
    : Grain, IVenueGrain
{
    private readonly CheckpointSlots _checkpoints = new(slotA, slotB);
    private Venue? _venue;

    /// <summary>The venue; a phase call on an activation without one means its silo was lost.</summary>
    private Venue Venue => _venue ?? throw new RunStateLostException($"venue {this.GetPrimaryKeyString()}");

    public Task Initialize(RunSetup setup, int venue)
    {
        if (_venue is null)
        {
            _venue = new Venue(new MarketLayout(setup.Scenario, setup.CohortSize), venue);

            // Venues clear every order of a run: where they land says how runs sharing a cluster share its silos.
            LogPlaced(setup.RunId, venue, RuntimeIdentity);
        }

        return Task.CompletedTask;
    }

    public Task Submit(int endpoint, OrderBatch orders)
    {
        Venue.Submit(endpoint, orders);
        return Task.CompletedTask;
    }

    public Task<ClearReport> Clear(long tick, int round, long[] marks) => Task.FromResult(Venue.Clear(tick, round, marks));

    public Task<FillBatch> TakeFills(int endpoint) => Task.FromResult(Venue.TakeFills(endpoint));

    public Task<VenueTickReport> CloseTick(long tick) => Task.FromResult(Venue.CloseTick(tick));

    public Task<Ledger> Holdings() => Task.FromResult(Venue.Holdings());

    public Task ClearCheckpoints() => _checkpoints.ClearAsync();

    public Task SaveCheckpoint(long tick, long keep) => _checkpoints.SaveAsync(tick, keep, Venue);

    public async Task RestoreCheckpoint(RunSetup setup, int venue, long tick)
    {
        // Always a fresh venue: one that survived the lost silo has cleared past the checkpoint.
        var restored = new Venue(new MarketLayout(setup.Scenario, setup.CohortSize), venue);
        await _checkpoints.RestoreAsync(tick, restored, $"venue {this.GetPrimaryKeyString()}");
        _venue = restored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} venue {Venue} placed on silo {Silo}")]
    private partial void LogPlaced(string runId, int venue, string silo);
}
