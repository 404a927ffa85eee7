using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// A CTA programme: time-series momentum over several lookbacks (the signal is the average sign of
/// the returns over each), sized to a volatility target and capped. Position in notional:
/// <c>clamp(signal × targetVolatility / σ, −maxLeverage, maxLeverage) × equity</c>, with σ the
/// standard deviation of per-tick log returns over the volatility lookback. Its rule is a pure
/// function of the price path, which is what the flow projection uses.
/// </summary>
public sealed class CtaProgramme(MarketLayout layout, ParticipantSlot slot)
    : MarginTrader(layout, slot, layout.Scenario.Ctas[slot.SpecIndex].MaxSlippageBps)
{
    private readonly CtaSpec _spec = layout.Scenario.Ctas[slot.SpecIndex];

    /// <summary>Signed exposure as a multiple of equity that the rule wants after the price path <paramref name="closes"/> (oldest first).</summary>
    public static double TargetExposure(CtaSpec spec, ReadOnlySpan<long> closes) =>
        SizedExposure(spec, TrendSignal(spec, closes), BookQuote.Volatility(closes[Math.Max(0, closes.Length - 1 - spec.VolatilityLookback)..]));

    /// <summary>The average sign of the returns over each lookback: from −1 (down over all) to +1.</summary>
    public static double TrendSignal(CtaSpec spec, ReadOnlySpan<long> closes)
    {
        var n = closes.Length;
        var signal = 0.0;
        foreach (var lookback in spec.Lookbacks)
        {
            signal += n > lookback ? Math.Sign(closes[n - 1] - closes[n - 1 - lookback]) : 0;
        }

        return signal / spec.Lookbacks.Count;
    }

    /// <summary>The signal scaled to the volatility target (σ per tick) and capped at the maximum leverage.</summary>
    public static double SizedExposure(CtaSpec spec, double signal, double volatility)
    {
        var scale = volatility > 0 ? spec.TargetVolatility / volatility : spec.MaxLeverage;
        return Math.Clamp(signal * scale, -spec.MaxLeverage, spec.MaxLeverage);
    }

    protected override long? TargetPosition(MarketSnapshot snapshot, BookQuote quote)
    {
        var equity = Equity(quote.Last);
        if (equity <= 0)
        {
            return 0;
        }

        var target = LotsWorth(TargetExposure(_spec, quote.Closes) * equity, quote.Last);
        var fullSize = Math.Max(1, LotsWorth(_spec.MaxLeverage * equity, quote.Last));
        return Math.Abs(target - Units) < _spec.RebalanceThreshold * fullSize ? null : target;
    }
}
