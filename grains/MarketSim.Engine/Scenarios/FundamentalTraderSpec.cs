namespace MarketSim.Engine.Scenarios;

/// <summary>
/// Retail fundamental traders (Chiarella and Iori 2002; Lux and Marchesi 1999): each agent values the
/// instrument at V × exp(<see cref="Dispersion"/> × z), z standard normal drawn once per agent, V the
/// <see cref="Value"/> (0: the instrument's opening price). When active it buys below its valuation and sells
/// above it once the gap ln(valuation / mid) exceeds <see cref="Threshold"/>, a fraction
/// min(1, <see cref="Aggression"/> × |gap|) of its means, with a passive limit |N(0,1)| × <see cref="LimitOffsetBps"/>
/// inside mid: liquidity at discounts and premia that pulls the price back toward value over days.
/// </summary>
public sealed record FundamentalTraderSpec(double Value, double Dispersion, double Threshold, double Aggression, double LimitOffsetBps)
{
    public static readonly FundamentalTraderSpec Default = new(0, 0.02, 0.002, 5, 10);
}
