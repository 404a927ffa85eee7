namespace MarketSim.Architecture.Tests.Samples.Base;

/// <summary>A base type both sample layers use: an allowed dependency.</summary>
public sealed record SampleMoney(long Units);
