namespace MarketSim.Engine.Traces;

/// <summary>
/// One recovery of a run, as the manifest records it: while tick <see cref="AtTick"/> ran, a silo was
/// lost (<see cref="Reason"/>); every grain of the run was restored from the checkpoint that resumes
/// at tick <see cref="FromCheckpoint"/> (0: the start) and the run replayed from there.
/// <see cref="By"/> says who noticed (when the client did, <see cref="LostSilo"/> names the coordinator's lost silo).
/// </summary>
public sealed record RunRecovery(long AtTick, long FromCheckpoint, RecoveredBy By, string Reason, string? LostSilo);
