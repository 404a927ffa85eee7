namespace MarketSim.Engine.Markets;

/// <summary>The participant classes whose flows the trace reports separately.</summary>
public enum ParticipantClass : byte
{
    Retail = 0,
    MarketMaker = 1,
    MomentumFund = 2,
}

public static class ParticipantClasses
{
    public const int Count = 3;

    /// <summary>The class name as it appears in traces.</summary>
    public static string TraceName(this ParticipantClass c) => c switch
    {
        ParticipantClass.Retail => "retail",
        ParticipantClass.MarketMaker => "market_maker",
        ParticipantClass.MomentumFund => "momentum_fund",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };
}
