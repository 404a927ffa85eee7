using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// A leveraged or inverse ETF: its assets (AUM) sit in a margin account and it holds an exposure of
/// <c>leverage × AUM</c> in the underlying. A day's move changes AUM by leverage × return while
/// the exposure drifts by the return alone, so at each day's close it rebalances by
/// <c>AUM × (L² − L) × daily return</c> (Cheng and Madhavan 2009): a 3x fund buys after up days and
/// sells after down days, and so does a −3x fund (it buys back its short after a rally — the squeeze).
/// It trades in the first tick of each day, on the previous day's close.
/// </summary>
public sealed class LeveragedEtf(MarketLayout layout, ParticipantSlot slot)
    : MarginTrader(layout, slot, layout.Scenario.LeveragedEtfs[slot.SpecIndex].MaxSlippageBps)
{
    private readonly LeveragedEtfSpec _spec = layout.Scenario.LeveragedEtfs[slot.SpecIndex];

    /// <summary>Lots to trade at <paramref name="price"/> so the exposure is leverage × AUM again.</summary>
    public long RebalanceTrade(long price) => LotsWorth(_spec.Leverage * Equity(price), price) - Units;

    protected override long? TargetPosition(MarketSnapshot snapshot, BookQuote quote) =>
        snapshot.Tick % Layout.Scenario.TicksPerDay == 0 ? Units + RebalanceTrade(quote.Last) : null;
}
