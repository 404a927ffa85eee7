namespace MarketSim.Engine.Scenarios;

/// <summary>
/// Upper bounds the scenario reader enforces: what this machine and a cluster can hold and what the
/// integer grids can represent, so an absurd value is rejected before tick 0 rather than exhausting
/// memory or overflowing mid-run. docs/scenario-schema.md ("Limits") states them with their reasons.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>A run keeps its trace in memory until it ends (about 6.4 KB per tick for the quick start): 200,000 ticks is about 1.3 GB.</summary>
    public const int MaxTicks = 200_000;

    /// <summary>Retail agents; 50 million needs a cluster.</summary>
    public const long MaxRetailAgents = 50_000_000;

    /// <summary>Each venue is a grain the coordinator awaits in every phase.</summary>
    public const int MaxVenues = 64;

    public const int MaxInstruments = 32;

    /// <summary>
    /// Any one amount of money (cash, capital, AUM, a flow), in the quote currency. Cash is kept in
    /// micro-units in a long (at most 9.2e18), so totals must stay below 9.2e12.
    /// </summary>
    public const double MaxAmount = 1e12;

    /// <summary>initialPrice / tickSize: prices are long ticks, and products of prices and lots must not overflow.</summary>
    public const double MaxPriceTicks = 1e12;
}
