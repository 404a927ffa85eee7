using System.Diagnostics;

namespace MarketSim.Grains.Runs;

/// <summary>A silo lost while tick <paramref name="AtTick"/> ran, and how long ago that was.</summary>
internal sealed record RunLoss(Exception Cause, long AtTick, Stopwatch Since);
