using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// A value fund of the Thurner–Farmer–Geanakoplos leverage cycle. With mispricing m = (V − p) / V
/// it wants leverage λ = min(aggression × m, λmax) and holds λ × equity / p when the asset is
/// cheap, nothing when it is dear. Its prime broker caps leverage at λmax: after every clearing
/// round in which the price fell far enough to push leverage over the cap, the fund sells — as a
/// forced margin-call order in the next cascade round — exactly what brings it back to λmax. That
/// sale pushes the price down and can call the next margin: the leverage cycle's crash.
/// </summary>
public sealed class ValueFund(MarketLayout layout, ParticipantSlot slot)
    : MarginTrader(layout, slot, layout.Scenario.ValueFunds[slot.SpecIndex].MaxSlippageBps)
{
    private readonly ValueFundSpec _spec = layout.Scenario.ValueFunds[slot.SpecIndex];

    protected override RedemptionSpec Redemptions => _spec.Redemptions;
    private readonly long _fundamental = layout.Instruments[slot.Instrument].ToTicks(layout.Scenario.ValueFunds[slot.SpecIndex].FundamentalValue);

    /// <summary>The leverage the fund wants at <paramref name="price"/> ticks.</summary>
    public double DesiredLeverage(long price)
    {
        var mispricing = (_fundamental - price) / (double)_fundamental;
        return mispricing <= 0 ? 0 : Math.Min(_spec.Aggression * mispricing, _spec.MaxLeverage);
    }

    /// <summary>Lots the prime broker makes the fund sell at <paramref name="price"/>: what restores λmax, or 0.</summary>
    public long MarginCallSale(long price)
    {
        if (Units <= 0 || Leverage(price) <= _spec.MaxLeverage)
        {
            return 0;
        }

        var allowed = Math.Max(0, LotsWorth(_spec.MaxLeverage * Equity(price), price));
        return Units - allowed;
    }

    protected override long? TargetPosition(MarketSnapshot snapshot, BookQuote quote)
    {
        var equity = Equity(quote.Last);
        var target = equity <= 0 ? 0 : LotsWorth(DesiredLeverage(quote.Last) * equity, quote.Last);
        var fullSize = Math.Max(1, LotsWorth(_spec.MaxLeverage * Math.Max(equity, 0), quote.Last));
        return Math.Abs(target - Units) < _spec.RebalanceThreshold * fullSize ? null : target;
    }

    protected override void AfterRound(BookRound round, OrderRouter router)
    {
        var sale = MarginCallSale(round.Last);
        if (sale > 0)
        {
            Trade(-sale, round.Last, router, OrderOrigin.MarginCall);
        }
    }
}
