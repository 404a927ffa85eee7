namespace MarketSim.Engine.Participants.Retail;

/// <summary>The trading rule a retail agent follows when it is active.</summary>
public enum RetailBehaviour : byte
{
    /// <summary>Random side and size, limit prices scattered around mid: liquidity and noise.</summary>
    Noise = 0,

    /// <summary>Buys after the price rose over its lookback, sells after it fell.</summary>
    TrendChasing = 1,

    /// <summary>Buys after the price fell by more than a threshold over some days.</summary>
    DipBuying = 2,

    /// <summary>Holds through small losses, sells everything once the loss on cost passes a panic level; trades as noise when flat.</summary>
    LossAverse = 3,

    /// <summary>Buys below its own noisy valuation and sells above it, with passive limits: the fundamental anchor.</summary>
    Fundamental = 4,
}
