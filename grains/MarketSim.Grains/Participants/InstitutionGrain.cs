using MarketSim.Abstractions;

namespace MarketSim.Grains.Participants;

/// <summary>One institution (market maker or fund) in its own activation.</summary>
public sealed class InstitutionGrain : ParticipantGrain, IInstitutionGrain;
