namespace MarketSim.Engine.Traces;

/// <summary>
/// One recovery of a run, as the manifest records it: while tick <see cref="AtTick"/> ran, a silo was
/// lost (<see cref="Reason"/>); every grain of the run was restored from the checkpoint that resumes
/// at tick <see cref="FromCheckpoint"/> (0: the start) and the run replayed from there.
/// <see cref="By"/> says who noticed: <c>coordinator</c> (a silo other than its own was lost) or
/// <c>client</c> (the coordinator's own silo was lost; <see cref="LostSilo"/> names it).
/// </summary>
public sealed record RunRecovery(long AtTick, long FromCheckpoint, string By, string Reason, string? LostSilo);
