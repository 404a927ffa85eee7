namespace MarketSim.Engine.Scenarios;

/// <summary>
/// A validated scenario: the market, its participants and how long to run. Values are in market
/// units (prices in quote currency, quantities in instrument units); the engine converts them to
/// integer ticks and lots once, at construction, so that every balance is exact.
/// </summary>
public sealed record Scenario(
    string Name,
    string Description,
    long Seed,
    int Ticks,
    CascadeSpec Cascade,
    IReadOnlyList<InstrumentSpec> Instruments,
    IReadOnlyList<VenueSpec> Venues,
    RetailSpec Retail,
    IReadOnlyList<MarketMakerSpec> MarketMakers,
    IReadOnlyList<FundSpec> Funds);

/// <summary>How many forced-order rounds one tick may run before the cascade is cut off.</summary>
public sealed record CascadeSpec(int MaxRounds);

/// <summary>A tradable instrument. Prices are multiples of <see cref="TickSize"/>, quantities of <see cref="LotSize"/>.</summary>
public sealed record InstrumentSpec(string Id, decimal TickSize, decimal LotSize, decimal InitialPrice);

/// <summary>A venue: its order books (one per listed instrument), fees, margin and insurance fund.</summary>
public sealed record VenueSpec(
    string Id,
    IReadOnlyList<string> Instruments,
    double TakerFeeBps,
    double MakerFeeBps,
    double InitialMargin,
    double MaintenanceMargin,
    double LiquidationFeeBps,
    double InsuranceFund);

/// <summary>The retail population: many small agents held in cohorts of <see cref="CohortSize"/>.</summary>
public sealed record RetailSpec(
    long Count,
    int CohortSize,
    string Venue,
    string Instrument,
    CapitalSpec Capital,
    double InvestedShare,
    double Activity,
    BehaviourMix Mix,
    NoiseSpec Noise,
    TrendSpec Trend,
    StopLossSpec StopLoss);

/// <summary>Heavy-tailed starting capital: Pareto with scale <see cref="Minimum"/> and shape <see cref="Alpha"/>, capped at <see cref="Maximum"/>.</summary>
public sealed record CapitalSpec(double Minimum, double Alpha, double Maximum);

/// <summary>Shares of the retail population following each behaviour; they sum to 1.</summary>
public sealed record BehaviourMix(double Noise, double Trend);

/// <summary>
/// Noise traders: random side, a fraction <see cref="OrderSize"/> of their means, limit prices around mid.
/// With <see cref="ValueTilt"/> &gt; 0 they lean toward value: the chance of a buy is
/// 0.5 + ValueTilt × ln(opening price / mid), kept within [0.05, 0.95] — a weak fundamental anchor
/// (Chiarella and Iori 2002) without which trend chasers and stops can run the price anywhere.
/// </summary>
public sealed record NoiseSpec(double OrderSize, double LimitOffsetBps, double MarketableShare, double ValueTilt = 0);

/// <summary>Trend chasers: trade in the direction of the return over <see cref="Lookback"/> ticks once it exceeds <see cref="Threshold"/>.</summary>
public sealed record TrendSpec(int Lookback, double Threshold, double OrderSize, double MaxSlippageBps);

/// <summary>
/// Stop-losses: a share of agents keep a stop <see cref="DistanceMin"/>–<see cref="DistanceMax"/> below their
/// average cost; a share of those round it down to a multiple of <see cref="RoundNumberStep"/>.
/// </summary>
public sealed record StopLossSpec(double Share, double DistanceMin, double DistanceMax, double RoundNumberStep, double RoundNumberShare);

/// <summary>A market maker quoting <see cref="Levels"/> levels a side around mid, skewed against its inventory.</summary>
public sealed record MarketMakerSpec(
    string Id,
    string Venue,
    string Instrument,
    double Cash,
    double Inventory,
    double HalfSpreadBps,
    int Levels,
    double LevelStepBps,
    double SizePerLevel,
    double SkewBps);

/// <summary>The kinds of fund the engine models.</summary>
public enum FundKind
{
    /// <summary>A leveraged time-series momentum fund trading through a margin account.</summary>
    Momentum,
}

/// <summary>An institutional fund trading through a margin account on one venue.</summary>
public sealed record FundSpec(
    string Id,
    FundKind Kind,
    string Venue,
    string Instrument,
    double Capital,
    double TargetLeverage,
    int Lookback,
    double SignalScale,
    double RebalanceThreshold,
    double MaxSlippageBps);
