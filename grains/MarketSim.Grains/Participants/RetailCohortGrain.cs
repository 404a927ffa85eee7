using MarketSim.Abstractions;

namespace MarketSim.Grains.Participants;

/// <summary>A retail cohort: thousands of agents in one activation, as the Engine's <c>RetailCohort</c>.</summary>
public sealed class RetailCohortGrain : ParticipantGrain, IRetailCohortGrain;
