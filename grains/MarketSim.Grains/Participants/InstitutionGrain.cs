using MarketSim.Abstractions;
using MarketSim.Grains.Checkpoints;
using MarketSim.Grains.Placement;

namespace MarketSim.Grains.Participants;

/// <summary>One institution (market maker or fund) in its own activation.</summary>
[SpreadPlacement]
public sealed class InstitutionGrain(
    [PersistentState(CheckpointStorage.SlotA, CheckpointStorage.Provider)] IPersistentState<CheckpointSlot> slotA,
    [PersistentState(CheckpointStorage.SlotB, CheckpointStorage.Provider)] IPersistentState<CheckpointSlot> slotB)
    : ParticipantGrain(slotA, slotB), IInstitutionGrain;
