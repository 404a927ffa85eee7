using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Abstractions.Snapshots;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Participants;
using MarketSim.Grains.Checkpoints;

namespace MarketSim.Grains.Participants;

/// <summary>
/// Hosts one Engine <see cref="IParticipant"/> and carries its orders to the venue grains and its
/// fills back. Orders go straight to venues, never through the coordinator. Between ticks it saves
/// the participant to its checkpoint slots; on recovery it rebuilds the participant and restores it.
/// </summary>
public abstract class ParticipantGrain(IPersistentState<CheckpointSlot> slotA, IPersistentState<CheckpointSlot> slotB) : Grain, IParticipantGrain
{
    private readonly CheckpointSlots _checkpoints = new(slotA, slotB);
    private IParticipant? _participant;
    private OrderRouter? _router;
    private IVenueGrain[] _venues = [];
    private CostBasisGrid? _costGrid;
    private MarketLayout? _layout;

    /// <summary>The snapshot the last decide phase rebuilt: what the next snapshot change applies to.</summary>
    private MarketSnapshot? _snapshot;

    /// <summary>The participant; a phase call on an activation without one means its silo was lost.</summary>
    private IParticipant Participant => _participant ?? throw new RunStateLostException($"participant {this.GetPrimaryKeyString()}");

    public Task Initialize(RunSetup setup, int endpoint)
    {
        if (_participant is null)
        {
            Build(setup, endpoint);
        }

        return Task.CompletedTask;
    }

    public async Task Decide(SnapshotChange change)
    {
        if (!change.StandsAlone && _snapshot?.Tick != change.BaseTick)
        {
            // A new activation (its silo was lost) or a participant rebuilt since: the coordinator recovers and sends a whole snapshot.
            throw new RunStateLostException($"participant {this.GetPrimaryKeyString()} (no snapshot for tick {change.BaseTick})");
        }

        _snapshot = change.ApplyTo(_snapshot);
        Participant.Decide(_snapshot, _router!);
        await Deliver();
    }

    public async Task<int> Settle(long tick, RoundOutcome outcome)
    {
        var endpoint = Participant.Slot.Endpoint;
        var fills = new FillBatch[Participant.Venues.Count];
        for (var i = 0; i < fills.Length; i++)
        {
            fills[i] = await _venues[Participant.Venues[i]].TakeFills(endpoint);
        }

        Participant.Settle(outcome, fills, _router!);
        return await Deliver();
    }

    public Task<ParticipantCloseReport> CloseTick(long tick) =>
        Task.FromResult(ParticipantClose.Report([Participant], tick, _layout!, _costGrid!));

    public Task<Ledger> Holdings() => Task.FromResult(Participant.Holdings());

    public Task ClearCheckpoints() => _checkpoints.ClearAsync();

    public Task SaveCheckpoint(long tick, long keep) => _checkpoints.SaveAsync(tick, keep, Participant);

    public async Task RestoreCheckpoint(RunSetup setup, int endpoint, long tick)
    {
        // Always a fresh participant: one that survived the lost silo has run on past the checkpoint.
        var participant = Build(setup, endpoint);
        try
        {
            await _checkpoints.RestoreAsync(tick, participant, $"participant {this.GetPrimaryKeyString()}");
        }
        catch
        {
            _participant = null; // half-restored state must never run a phase
            throw;
        }
    }

    private IParticipant Build(RunSetup setup, int endpoint)
    {
        var layout = new MarketLayout(setup.Scenario, setup.CohortSize);
        _participant = ParticipantFactory.Create(layout, layout.Participants[endpoint]);
        _router = new OrderRouter(setup.Scenario.Venues.Count);
        _costGrid = new CostBasisGrid(layout);
        _layout = layout;
        _snapshot = null;
        _venues = Enumerable.Range(0, setup.Scenario.Venues.Count).Select(v => GrainFactory.GetGrain<IVenueGrain>(setup.VenueKey(v))).ToArray();
        return _participant;
    }

    // The venue grains take their batches concurrently; the drain itself is the Engine's, shared with the direct host.
    private async Task<int> Deliver()
    {
        var submits = new List<Task>();
        var sent = _router!.Deliver((venue, batch) => submits.Add(_venues[venue].Submit(Participant.Slot.Endpoint, batch)));
        await Task.WhenAll(submits);
        return sent;
    }
}
