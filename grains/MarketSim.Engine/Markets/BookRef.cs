namespace MarketSim.Engine.Markets;

/// <summary>An order book: one instrument listed on one venue, with its index across the market.</summary>
public sealed record BookRef(int Index, int Venue, int Instrument);
