using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// A leveraged time-series momentum fund. Its target position is
/// <c>targetLeverage × equity × clamp(return over lookback / signalScale, −1, 1)</c>; it trades
/// toward the target when the gap exceeds <c>rebalanceThreshold</c> of its full leveraged size.
/// When the price moves against it far enough, the venue's liquidation engine closes it out.
/// </summary>
public sealed class MomentumFund(MarketLayout layout, ParticipantSlot slot)
    : MarginTrader(layout, slot, layout.Scenario.Funds[slot.SpecIndex].MaxSlippageBps)
{
    private readonly FundSpec _spec = layout.Scenario.Funds[slot.SpecIndex];

    protected override RedemptionSpec Redemptions => _spec.Redemptions;

    protected override long? TargetPosition(MarketSnapshot snapshot, BookQuote quote)
    {
        var equity = Equity(quote.Last);
        if (equity <= 0)
        {
            return 0;
        }

        var signal = Math.Clamp(quote.Return(_spec.Lookback) / _spec.SignalScale, -1, 1);
        var target = LotsWorth(_spec.TargetLeverage * equity * signal, quote.Last);
        var fullSize = LotsWorth(_spec.TargetLeverage * equity, quote.Last);
        return Math.Abs(target - Units) < _spec.RebalanceThreshold * fullSize ? null : target;
    }
}
