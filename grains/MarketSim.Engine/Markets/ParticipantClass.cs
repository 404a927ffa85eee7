namespace MarketSim.Engine.Markets;

/// <summary>The participant classes whose flows the trace reports separately.</summary>
public enum ParticipantClass : byte
{
    Retail = 0,
    MarketMaker = 1,
    MomentumFund = 2,
    ValueFund = 3,
    Cta = 4,
    LeveragedEtf = 5,
    Allocator = 6,
    Arbitrageur = 7,
    EtfInvestors = 8,
    EtfIssuer = 9,
}

public static class ParticipantClasses
{
    public const int Count = 10;

    /// <summary>The class name as it appears in traces.</summary>
    public static string TraceName(this ParticipantClass c) => c switch
    {
        ParticipantClass.Retail => "retail",
        ParticipantClass.MarketMaker => "market_maker",
        ParticipantClass.MomentumFund => "momentum_fund",
        ParticipantClass.ValueFund => "value_fund",
        ParticipantClass.Cta => "cta",
        ParticipantClass.LeveragedEtf => "leveraged_etf",
        ParticipantClass.Allocator => "allocator",
        ParticipantClass.Arbitrageur => "arbitrageur",
        ParticipantClass.EtfInvestors => "etf_investors",
        ParticipantClass.EtfIssuer => "etf_issuer",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };

    /// <summary>Classes that trade through a margin account on their venue (and so can borrow, short and be liquidated).</summary>
    public static bool TradesOnMargin(this ParticipantClass c) =>
        c is ParticipantClass.MomentumFund or ParticipantClass.ValueFund or ParticipantClass.Cta or ParticipantClass.LeveragedEtf;
}
