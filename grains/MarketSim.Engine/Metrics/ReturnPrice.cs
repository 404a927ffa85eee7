namespace MarketSim.Engine.Metrics;

/// <summary>Which price of the <c>market</c> table a book's returns are taken on.</summary>
public enum ReturnPrice
{
    /// <summary>The mid at each tick's close: free of the bid-ask bounce of trade prices; the default.</summary>
    Mid,

    /// <summary>The last trade of each tick: alternates between bid and ask when trades alternate sides (bounce).</summary>
    Close,
}
