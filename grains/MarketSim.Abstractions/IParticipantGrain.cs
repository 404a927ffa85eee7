using MarketSim.Abstractions.Runs;
using MarketSim.Abstractions.Snapshots;
using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions;

/// <summary>
/// The phases a participant endpoint takes part in. Implemented by one grain per retail cohort and
/// one per institution, and by the groups of the fan-out tree that relay a phase to up to 16 of
/// them and add up what they return.
/// </summary>
public interface IParticipantPhases
{
    /// <summary>Decide phase: send this tick's orders to the venues, deciding on the snapshot <paramref name="change"/> leads to.</summary>
    [Alias("Decide")]
    Task Decide(SnapshotChange change);

    /// <summary>Settle phase: take fills, send forced orders; returns how many were sent.</summary>
    [Alias("Settle")]
    Task<int> Settle(long tick, RoundOutcome outcome);

    /// <summary>Record phase: close the tick; returns what is held, with its cost basis and armed stops.</summary>
    [Alias("CloseTick")]
    Task<ParticipantCloseReport> CloseTick(long tick);

    [Alias("Holdings")]
    Task<Ledger> Holdings();

    /// <summary>
    /// Checkpoint phase, between ticks: stores the state for the tick <paramref name="tick"/> next to
    /// the checkpoint of <paramref name="keep"/>, which is the last committed one and is not overwritten.
    /// </summary>
    [Alias("SaveCheckpoint")]
    Task SaveCheckpoint(long tick, long keep);

    /// <summary>After the last tick: removes the stored checkpoints.</summary>
    [Alias("ClearCheckpoints")]
    Task ClearCheckpoints();
}

/// <summary>One participant endpoint. Keyed by <c>{run}/participant/{endpoint}</c>.</summary>
[Alias("MarketSim.IParticipantGrain")]
public interface IParticipantGrain : IGrainWithStringKey, IParticipantPhases
{
    [Alias("Initialize")]
    Task Initialize(RunSetup setup, int endpoint);

    /// <summary>Recovery: rebuilds the participant from <paramref name="setup"/> and its checkpoint for <paramref name="tick"/> (0: the start).</summary>
    [Alias("RestoreCheckpoint")]
    Task RestoreCheckpoint(RunSetup setup, int endpoint, long tick);
}

/// <summary>A retail cohort: thousands of agents in one grain, as parallel arrays.</summary>
[Alias("MarketSim.IRetailCohortGrain")]
public interface IRetailCohortGrain : IParticipantGrain;

/// <summary>One institution: a market maker or a fund.</summary>
[Alias("MarketSim.IInstitutionGrain")]
public interface IInstitutionGrain : IParticipantGrain;

/// <summary>
/// A node of the participant fan-out tree covering endpoints [first, first + count): a
/// hierarchical barrier so no grain awaits more than 16 calls per phase.
/// </summary>
[Alias("MarketSim.IParticipantGroupGrain")]
public interface IParticipantGroupGrain : IGrainWithStringKey, IParticipantPhases
{
    [Alias("Initialize")]
    Task Initialize(RunSetup setup, int first, int count);

    /// <summary>Recovery: rebuilds the subtree (its own children list too, if this activation is new) and restores every participant in it.</summary>
    [Alias("RestoreCheckpoint")]
    Task RestoreCheckpoint(RunSetup setup, int first, int count, long tick);
}
