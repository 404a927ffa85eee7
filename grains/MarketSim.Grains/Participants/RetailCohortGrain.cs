using MarketSim.Abstractions;
using MarketSim.Grains.Checkpoints;
using Orleans.Placement;

namespace MarketSim.Grains.Participants;

/// <summary>A retail cohort: thousands of agents in one activation, as the Engine's <c>RetailCohort</c>.</summary>
// Cohorts carry the compute; spread them evenly over the silos rather than next to their caller.
[ActivationCountBasedPlacement]
public sealed class RetailCohortGrain(
    [PersistentState(CheckpointStorage.SlotA, CheckpointStorage.Provider)] IPersistentState<CheckpointSlot> slotA,
    [PersistentState(CheckpointStorage.SlotB, CheckpointStorage.Provider)] IPersistentState<CheckpointSlot> slotB)
    : ParticipantGrain(slotA, slotB), IRetailCohortGrain;
