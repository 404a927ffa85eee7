namespace MarketSim.Engine.Traces;

/// <summary>
/// One bar of one order book in one tick: table <c>market</c>. <see cref="Reserves"/> is the units held
/// on the venue at the close; <see cref="Premium"/> the close against the mean close of the same
/// instrument over its venues (0 when it trades on one). The volatility columns are annualized
/// percentages defined by <see cref="Metrics.VolatilityIndex"/>. <see cref="Mid"/> is (best bid + best ask) / 2
/// at the close, the last such mid when a side is empty, the close when the book never had both sides.
/// <see cref="Orders"/>, <see cref="Cancels"/> and <see cref="StopTriggers"/> count what the venue saw, as
/// a peer simulator counts messages; <see cref="TakerNet"/> is the aggressive side's net units (its sign is
/// the tick's order sign).
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
    double VolOfVol,
    double Mid,
    long Orders,
    long Cancels,
    long StopTriggers,
    double TakerNet);

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

/// <summary>
/// The position-weighted cost-basis distribution of one participant class in one instrument at the close of
/// one tick: table <c>cost_basis</c>. Prices are the instrument's; quantiles are read off a histogram of
/// average costs (see <see cref="Metrics.CostBasis.CostBasisStatistics"/>).
/// </summary>
public sealed record CostBasisRow(
    long Tick,
    string ParticipantClass,
    string Instrument,
    long Holders,
    double Units,
    double MeanCost,
    double Q10,
    double Q25,
    double Q50,
    double Q75,
    double Q90,
    double UnderwaterHolders,
    double UnderwaterUnits);

/// <summary>Retail against institutional cost bases in one instrument at the close of one tick: table <c>resonance</c>.</summary>
public sealed record ResonanceRow(
    long Tick,
    string Instrument,
    double Price,
    double RetailUnits,
    double InstitutionalUnits,
    double RetailMean,
    double RetailQ25,
    double RetailQ50,
    double RetailQ75,
    double InstitutionalMean,
    double InstitutionalQ25,
    double InstitutionalQ50,
    double InstitutionalQ75,
    double RetailUnderwater,
    double InstitutionalUnderwater,
    double Overlap,
    double UnderwaterOverlap,
    int Resonance);

/// <summary>Forced orders at one price level of one book in one tick: table <c>triggers</c>.</summary>
public sealed record TriggerRow(
    long Tick,
    string Venue,
    string Instrument,
    double Level,
    long StopOrders,
    double StopOrderedVolume,
    long MarginOrders,
    double MarginOrderedVolume,
    double StopFilledVolume,
    double MarginFilledVolume);

/// <summary>Stop-losses and liquidation prices armed at one price level of one book at the close of one tick: table <c>resting_levels</c>.</summary>
public sealed record RestingLevelRow(
    long Tick,
    string Venue,
    string Instrument,
    double Level,
    long Stops,
    double StopVolume,
    long Liquidations,
    double LiquidationVolume);

/// <summary>Everything one tick adds to the trace.</summary>
public sealed record TickRecord(
    long Tick,
    IReadOnlyList<MarketRow> Market,
    IReadOnlyList<LiquidationRow> Liquidations,
    IReadOnlyList<FlowRow> Flows,
    ConservationCheck Conservation)
{
    public IReadOnlyList<CostBasisRow> CostBasis { get; init; } = [];

    public IReadOnlyList<ResonanceRow> Resonance { get; init; } = [];

    public IReadOnlyList<TriggerRow> Triggers { get; init; } = [];

    public IReadOnlyList<RestingLevelRow> RestingLevels { get; init; } = [];
}

/// <summary>
/// Totals of cash and of each instrument's units over every account in the market, against what
/// they should be (the opening totals plus recorded exogenous flows). Values are exact integers in
/// cash units (tick × lot) and lots.
/// </summary>
public sealed record ConservationCheck(long CashExpected, long CashActual, IReadOnlyList<long> UnitsExpected, IReadOnlyList<long> UnitsActual)
{
    public bool Holds => CashExpected == CashActual && UnitsExpected.SequenceEqual(UnitsActual);
}
