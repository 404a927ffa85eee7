using MarketSim.Abstractions;
using MarketSim.Grains.Checkpoints;
using MarketSim.Grains.Placement;

namespace MarketSim.Grains.Participants;

/// <summary>A retail cohort: thousands of agents in one activation, as the Engine's <c>RetailCohort</c>.</summary>
// Cohorts carry the compute: consecutive endpoints go to consecutive silos, so cohorts spread evenly.
[SpreadPlacement]
public sealed class RetailCohortGrain(
    [PersistentState(CheckpointStorage.SlotA, CheckpointStorage.Provider)] IPersistentState<CheckpointSlot> slotA,
    [PersistentState(CheckpointStorage.SlotB, CheckpointStorage.Provider)] IPersistentState<CheckpointSlot> slotB)
    : ParticipantGrain(slotA, slotB), IRetailCohortGrain;
