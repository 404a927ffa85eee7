namespace MarketSim.Engine.Participants.Retail;

/// <summary>The trading rule a retail agent follows when it is active.</summary>
public enum RetailBehaviour : byte
{
    /// <summary>Random side and size, limit prices scattered around mid: liquidity and noise.</summary>
    Noise = 0,

    /// <summary>Buys after the price rose over its lookback, sells after it fell.</summary>
    TrendChasing = 1,
}
