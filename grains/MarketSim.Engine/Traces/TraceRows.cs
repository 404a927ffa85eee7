namespace MarketSim.Engine.Traces;

/// <summary>
/// One bar of one order book in one tick: table <c>market</c>. <see cref="Reserves"/> is the units held
/// on the venue at the close; <see cref="Premium"/> the close against the mean close of the same
/// instrument over its venues (0 when it trades on one). The volatility columns are annualized
/// percentages defined by <see cref="Metrics.VolatilityIndex"/>.
/// </summary>
public sealed record MarketRow(
    long Tick,
    string Venue,
    string Instrument,
    double Open,
    double High,
    double Low,
    double Close,
    double Volume,
    double Notional,
    long Trades,
    double BestBid,
    double BestAsk,
    double BidDepth,
    double AskDepth,
    int CascadeRounds,
    double Reserves,
    double Premium,
    double RealizedVolatility,
    double ImpliedVolatility,
    double VolOfVol);

/// <summary>Forced selling and buying in one book in one tick: table <c>liquidations</c>.</summary>
public sealed record LiquidationRow(
    long Tick,
    string Venue,
    string Instrument,
    int CascadeRounds,
    long StopOrders,
    double StopVolume,
    double StopNotional,
    long MarginLiquidations,
    double MarginVolume,
    double MarginNotional,
    double InsuranceFund,
    double InsurancePayout);

/// <summary>What one participant class bought and sold of one instrument in one tick: table <c>flows</c>.</summary>
public sealed record FlowRow(
    long Tick,
    string ParticipantClass,
    string Instrument,
    double BoughtUnits,
    double SoldUnits,
    double NetUnits,
    double BoughtNotional,
    double SoldNotional,
    double NetNotional);

/// <summary>Everything one tick adds to the trace.</summary>
public sealed record TickRecord(
    long Tick,
    IReadOnlyList<MarketRow> Market,
    IReadOnlyList<LiquidationRow> Liquidations,
    IReadOnlyList<FlowRow> Flows,
    ConservationCheck Conservation);

/// <summary>
/// Totals of cash and of each instrument's units over every account in the market, against what
/// they should be (the opening totals plus recorded exogenous flows). Values are exact integers in
/// cash units (tick × lot) and lots.
/// </summary>
public sealed record ConservationCheck(long CashExpected, long CashActual, IReadOnlyList<long> UnitsExpected, IReadOnlyList<long> UnitsActual)
{
    public bool Holds => CashExpected == CashActual && UnitsExpected.SequenceEqual(UnitsActual);
}
