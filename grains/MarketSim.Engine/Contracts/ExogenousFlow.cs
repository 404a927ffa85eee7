namespace MarketSim.Engine.Contracts;

/// <summary>One participant's exogenous cash in one tick (cash units; negative = out).</summary>
public sealed record ExogenousFlow(long Owner, long Cash);
