namespace MarketSim.Engine.Checkpoints;

/// <summary>A checkpoint that does not fit the object it is restored into: another format, layout or scenario.</summary>
public sealed class CheckpointMismatchException(string message) : Exception(message);
