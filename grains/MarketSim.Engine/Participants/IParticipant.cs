using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;

namespace MarketSim.Engine.Participants;

/// <summary>
/// A participant behind one endpoint — a retail cohort or one institution — as the phases of a
/// tick see it. Implementations are deterministic functions of their state, the snapshot and
/// their fills; they draw randomness only from counter-based streams keyed by owner id. Every one
/// saves its state to a checkpoint and restores it into a participant freshly built from the layout.
/// </summary>
public interface IParticipant : Checkpoints.ICheckpointable
{
    ParticipantSlot Slot { get; }

    /// <summary>Venues this participant trades on; fills are pulled from these, in this order.</summary>
    IReadOnlyList<int> Venues { get; }

    /// <summary>Decide phase: the tick's discretionary orders.</summary>
    void Decide(MarketSnapshot snapshot, OrderRouter router);

    /// <summary>
    /// Settle phase of one clearing round: apply the round's fills (one batch per venue in
    /// <see cref="Venues"/> order) and send any forced orders (triggered stops) for the next round.
    /// </summary>
    void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router);

    /// <summary>The tick is over: good-for-tick orders have expired.</summary>
    void CloseTick(long tick);

    /// <summary>
    /// Adds the cost basis of the positions this participant holds (long positions only, its own or in its
    /// margin account) to <paramref name="recorder"/>, one holder per agent or institution. Called when a tick closes.
    /// </summary>
    void RecordCostBasis(CostBasisRecorder recorder);

    /// <summary>
    /// Adds the stop-losses and liquidation prices this participant keeps itself (not those of a venue's margin
    /// accounts, which the venue reports) to <paramref name="recorder"/>. Called when a tick closes; most hold none.
    /// </summary>
    void RecordRestingLevels(RestingLevelRecorder recorder)
    {
    }

    /// <summary>Cash and units this participant holds itself (not on a venue's margin account).</summary>
    Ledger Holdings();
}
