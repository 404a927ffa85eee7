using MarketSim.Engine.Markets;

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
    IReadOnlyList<FundSpec> Funds,
    int TicksPerDay = Scenario.Defaults.TicksPerDay)
{
    /// <summary>What the reader uses for a field the file leaves out; docs/scenario-schema.md is tested against the reader.</summary>
    public static class Defaults
    {
        public const string Description = "";
        public const long Seed = 1;
        public const int TicksPerDay = 24;
    }

    /// <summary>Value funds in the Thurner–Farmer–Geanakoplos form.</summary>
    public IReadOnlyList<ValueFundSpec> ValueFunds { get; init; } = [];

    /// <summary>Trend-following CTA programmes.</summary>
    public IReadOnlyList<CtaSpec> Ctas { get; init; } = [];

    /// <summary>Leveraged and inverse ETFs that rebalance their hedge at each day's close.</summary>
    public IReadOnlyList<LeveragedEtfSpec> LeveragedEtfs { get; init; } = [];

    /// <summary>Institutional allocators that buy on valuation compression.</summary>
    public IReadOnlyList<AllocatorSpec> Allocators { get; init; } = [];

    /// <summary>ETFs: their investors, and their issuer with its authorized participant.</summary>
    public IReadOnlyList<EtfSpec> Etfs { get; init; } = [];

    /// <summary>Cross-venue arbitrageurs.</summary>
    public IReadOnlyList<ArbitrageurSpec> Arbitrageurs { get; init; } = [];

    /// <summary>Scheduled events, sentiment shocks and exogenous flows.</summary>
    public TimelineSpec Events { get; init; } = TimelineSpec.None;

    /// <summary>How the cost-basis, resonance and trigger-level tables are measured.</summary>
    public MetricsSpec Metrics { get; init; } = MetricsSpec.Default;

    /// <summary>How often a run on Orleans is checkpointed; null: the host's default. Not part of the market: it never changes a trace.</summary>
    public CheckpointSpec? Checkpoint { get; init; }

    /// <summary>
    /// The participants an exogenous flow can go to — all but arbitrageurs; an ETF's id names its investors.
    /// The reader rejects flows to anyone else.
    /// </summary>
    public IReadOnlySet<string> FlowTakers()
    {
        var takers = new HashSet<string>(InstitutionIds());
        takers.ExceptWith(Arbitrageurs.Select(s => s.Id));
        return takers;
    }

    /// <summary>Every institution's id (an ETF's names its investors), in the order owner ids are given out.</summary>
    public IReadOnlyList<string> InstitutionIds() =>
        [.. MarketMakers.Select(s => s.Id), .. Funds.Select(s => s.Id), .. ValueFunds.Select(s => s.Id), .. Ctas.Select(s => s.Id),
            .. LeveragedEtfs.Select(s => s.Id), .. Allocators.Select(s => s.Id), .. Arbitrageurs.Select(s => s.Id), .. Etfs.Select(s => s.Id)];
}

/// <summary>
/// Settings of the cost-resonance and trigger-level metrics. Bin widths are fractions of an instrument's
/// initial price, rounded down to a 1-2-5 × 10^k number of ticks (so bins start at round numbers). Resonance
/// is on in a tick when the overlap of the retail and institutional cost distributions is at least
/// <see cref="ResonanceThreshold"/> and at least <see cref="ResonanceUnderwater"/> of both groups' units
/// are under water; <see cref="Institutional"/> names the classes (trace names) that count as institutional.
/// </summary>
public sealed record MetricsSpec(double CostBinWidth, double TriggerBinWidth, double ResonanceThreshold, double ResonanceUnderwater, IReadOnlyList<string> Institutional)
{
    public static readonly IReadOnlyList<string> DefaultInstitutional = ["momentum_fund", "value_fund", "cta", "allocator", "etf_investors"];

    public static readonly MetricsSpec Default = new(0.005, 0.005, 0.5, 0.5, DefaultInstitutional);

    /// <summary>
    /// How far from a book's close (a fraction of it, either way) the <c>resting_levels</c> table reports armed
    /// stop-losses and liquidation prices; 0 turns the table off.
    /// </summary>
    public double RestingWindow { get; init; } = 0.1;
}

/// <summary>Checkpoint the run after the close of every <see cref="EveryTicks"/>-th tick (0: never), so a lost silo costs a replay from there.</summary>
public sealed record CheckpointSpec(int EveryTicks);

/// <summary>
/// The event timeline. Sentiment is one number per tick, added to the probability that a retail
/// noise trader buys: the sum of the shocks so far (each decaying with its half-life) and, when a
/// cut-probability path is given, <c>sensitivity × (p(tick) − p(first point))</c> with p linear
/// between the points. Flows move cash in or out of a participant from outside the market.
/// </summary>
public sealed record TimelineSpec(IReadOnlyList<SentimentShockSpec> SentimentShocks, CutProbabilitySpec? CutProbability, IReadOnlyList<FlowSpec> Flows)
{
    public static readonly TimelineSpec None = new([], null, []);

    /// <summary>Random, persistent swings of sentiment (the noise traders' demand of the leverage-cycle model); none when null.</summary>
    public SentimentNoiseSpec? Noise { get; init; }
}

/// <summary>
/// An AR(1) sentiment: s(t) = persistence × s(t − 1) + volatility × ε(t), ε standard normal drawn from the
/// scenario's seed and the tick alone, so every host computes the same path.
/// </summary>
public sealed record SentimentNoiseSpec(double Volatility, double Persistence)
{
    public static class Defaults
    {
        public const double Persistence = 0.95;
    }
}

/// <summary>A shift of <see cref="Shift"/> in retail buy probability at <see cref="Tick"/>, halving every <see cref="HalfLife"/> ticks.</summary>
public sealed record SentimentShockSpec(long Tick, double Shift, double HalfLife)
{
    public static class Defaults
    {
        public const double HalfLife = 24;
    }
}

/// <summary>A market-implied probability of a rate cut over time, and how strongly retail sentiment follows it.</summary>
public sealed record CutProbabilitySpec(double Sensitivity, IReadOnlyList<ProbabilityPoint> Path)
{
    public static class Defaults
    {
        public const double Sensitivity = 0.5;
    }
}

public sealed record ProbabilityPoint(long Tick, double Probability);

/// <summary>
/// Exogenous cash for a participant (an ETF's creations or redemptions, an allocator's new money, a fund's
/// redemptions when negative): <see cref="Amount"/> in quote currency at <see cref="StartTick"/> and then
/// every <see cref="EveryTicks"/> ticks, <see cref="Count"/> times. Recorded, and counted by the conservation check.
/// </summary>
public sealed record FlowSpec(string Participant, long StartTick, int EveryTicks, int Count, double Amount)
{
    public static class Defaults
    {
        public const long StartTick = 0;
        public const int EveryTicks = 1;
        public const int Count = 1;
    }
}

/// <summary>How many forced-order rounds one tick may run before the cascade is cut off.</summary>
public sealed record CascadeSpec(int MaxRounds)
{
    public static class Defaults
    {
        public const int MaxRounds = 8;
    }
}

/// <summary>A tradable instrument. Prices are multiples of <see cref="TickSize"/>, quantities of <see cref="LotSize"/>.</summary>
public sealed record InstrumentSpec(string Id, decimal TickSize, decimal LotSize, decimal InitialPrice)
{
    /// <summary>
    /// The return over the price history participants see at tick 0 (log-linear up to <see cref="InitialPrice"/>),
    /// so trend followers start with a trend: 0.05 means the price rose 5% over the history window.
    /// </summary>
    public double PriorReturn { get; init; } = Defaults.PriorReturn;

    public static class Defaults
    {
        public const double PriorReturn = 0;
    }

    /// <summary>The instrument on its integer grid, at position <paramref name="index"/> of the scenario's list.</summary>
    public Instrument ToInstrument(int index) => new(index, Id, TickSize, LotSize, InitialPrice, PriorReturn);
}

/// <summary>A venue: its order books (one per listed instrument), fees, margin and insurance fund.</summary>
public sealed record VenueSpec(
    string Id,
    IReadOnlyList<string> Instruments,
    double TakerFeeBps,
    double MakerFeeBps,
    double InitialMargin,
    double MaintenanceMargin,
    double LiquidationFeeBps,
    double InsuranceFund)
{
    /// <summary>
    /// Price protection: in one clearing round a market order (stops and liquidations included) trades no
    /// further than this from the round's opening price; what is left is cancelled. 0 = no band.
    /// </summary>
    public double PriceBandBps { get; init; } = Defaults.PriceBandBps;

    /// <summary>The price this venue checks margin against; null = its own book's last trade.</summary>
    public MarkPriceSpec? MarkPrice { get; init; }

    public static class Defaults
    {
        public const double TakerFeeBps = 0;
        public const double MakerFeeBps = 0;
        public const double InitialMargin = 1;

        /// <summary>Maintenance margin as a share of the initial margin: half keeps the pair consistent whatever initial margin is chosen.</summary>
        public const double MaintenanceShareOfInitial = 0.5;
        public const double LiquidationFeeBps = 0;
        public const double InsuranceFund = 0;
        public const double PriceBandBps = 0;
    }
}

/// <summary>
/// A mark price for margin: the weighted mean of the <see cref="Sources"/> venues' mids at the previous close (same
/// instrument), smoothed as an EMA over <see cref="EmaTicks"/> ticks (0 = none); with <see cref="ClampBps"/> above 0 the
/// venue's own last trade, kept within that distance of the index, else the index itself.
/// </summary>
public sealed record MarkPriceSpec(IReadOnlyList<MarkSourceSpec> Sources, int EmaTicks, double ClampBps)
{
    public static class Defaults
    {
        /// <summary>No smoothing: the index of the previous close itself.</summary>
        public const int EmaTicks = 0;

        /// <summary>No clamp: the mark is the index, not the venue's own last trade.</summary>
        public const double ClampBps = 0;
    }
}

/// <summary>One venue in a mark price's index and its weight.</summary>
public sealed record MarkSourceSpec(string Venue, double Weight)
{
    public static class Defaults
    {
        public const double Weight = 1;
    }
}

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
    StopLossSpec StopLoss)
{
    public DipBuyingSpec DipBuying { get; init; } = DipBuyingSpec.Default;

    public LossAversionSpec LossAversion { get; init; } = LossAversionSpec.Default;

    public RetailLeverageSpec Leverage { get; init; } = RetailLeverageSpec.None;

    /// <summary>How the agents that follow <see cref="BehaviourMix.Fundamental"/> value the instrument and trade on it.</summary>
    public FundamentalTraderSpec Fundamental { get; init; } = FundamentalTraderSpec.Default;

    public ActivityFeedbackSpec ActivityFeedback { get; init; } = ActivityFeedbackSpec.None;

    public OrderSizeTailSpec OrderSizeTail { get; init; } = OrderSizeTailSpec.None;

    /// <summary>
    /// Which venues (and instruments) agents live on, with shares summing to 1; empty means all on
    /// <see cref="Venue"/> in <see cref="Instrument"/>. An agent trades and holds only its own.
    /// </summary>
    public IReadOnlyList<VenueShare> VenuePreference { get; init; } = [];

    public static class Defaults
    {
        public const int CohortSize = 20_000;
        public const double InvestedShare = 0.5;
        public const double Activity = 0.05;
    }
}

/// <summary>
/// A share of the retail population that lives on one venue and holds one instrument there: the
/// retail instrument by default, or another, such as an ETF's shares (retail ETF purchases).
/// </summary>
public sealed record VenueShare(string Venue, double Share, string? Instrument = null);

/// <summary>
/// Leveraged retail agents (crypto-venue style): a <see cref="Share"/> of agents borrow up to a leverage
/// drawn between <see cref="Min"/> and <see cref="Max"/>. Each then has a liquidation price, where its equity
/// falls to the venue's maintenance margin on its position; when a round trades through it, the agent's
/// position is sold at market in the next cascade round. Only on venues whose initial margin is below 1.
/// </summary>
public sealed record RetailLeverageSpec(double Share, double Min, double Max)
{
    /// <summary>No one borrows; also the reader's default for each field.</summary>
    public static readonly RetailLeverageSpec None = new(0, 1, 1);
}

/// <summary>Heavy-tailed starting capital: Pareto with scale <see cref="Minimum"/> and shape <see cref="Alpha"/>, capped at <see cref="Maximum"/>.</summary>
public sealed record CapitalSpec(double Minimum, double Alpha, double Maximum)
{
    public static readonly CapitalSpec Default = new(1_000, 1.5, 10_000_000);
}

/// <summary>Shares of the retail population following each behaviour; they sum to 1.</summary>
public sealed record BehaviourMix(double Noise, double Trend, double DipBuying = 0, double LossAverse = 0, double Fundamental = 0)
{
    /// <summary>Everyone a noise trader; each share's default when left out.</summary>
    public static readonly BehaviourMix Default = new(1, 0);
}

/// <summary>
/// Dip buyers: buy a fraction <see cref="OrderSize"/> of their cash after the price fell by more than
/// <see cref="Threshold"/> over <see cref="LookbackDays"/> days (in 2025 retail net-bought almost every
/// week the S&amp;P fell more than 1%).
/// </summary>
public sealed record DipBuyingSpec(int LookbackDays, double Threshold, double OrderSize)
{
    public static readonly DipBuyingSpec Default = new(5, 0.01, 0.1);
}

/// <summary>
/// Loss-averse holders: hold through small losses, then sell everything at market once the loss on
/// their cost basis exceeds <see cref="PanicLoss"/> (a fraction, e.g. 0.15).
/// </summary>
public sealed record LossAversionSpec(double PanicLoss)
{
    public static readonly LossAversionSpec Default = new(0.15);
}

/// <summary>
/// Noise traders: random side, a fraction <see cref="OrderSize"/> of their means, limit prices around mid.
/// With <see cref="ValueTilt"/> &gt; 0 they lean toward value: the chance of a buy is
/// 0.5 + ValueTilt × ln(opening price / mid), kept within [0.05, 0.95] — a weak fundamental anchor
/// (Chiarella and Iori 2002) without which trend chasers and stops can run the price anywhere.
/// </summary>
public sealed record NoiseSpec(double OrderSize, double LimitOffsetBps, double MarketableShare, double ValueTilt = 0)
{
    public static readonly NoiseSpec Default = new(0.05, 20, 0.5);
}

/// <summary>
/// Trend chasers: trade in the direction of the return over their lookback once it exceeds their threshold.
/// Each agent draws its lookback uniformly from <see cref="Lookback"/>…<see cref="LookbackMax"/> and its threshold
/// from <see cref="Threshold"/>…<see cref="ThresholdMax"/> (heterogeneous chartists, so they do not act in
/// lockstep); a maximum of 0 means every agent uses the minimum.
/// </summary>
public sealed record TrendSpec(int Lookback, double Threshold, double OrderSize, double MaxSlippageBps)
{
    public int LookbackMax { get; init; }

    public double ThresholdMax { get; init; }

    /// <summary>Whether agents draw their own lookback or threshold.</summary>
    public bool IsHeterogeneous => LookbackMax > Lookback || ThresholdMax > Threshold;

    /// <summary>All agents alike (the reader defaults each maximum to its minimum).</summary>
    public static readonly TrendSpec Default = new(10, 0.002, 0.1, 30);
}

/// <summary>
/// Stop-losses: a share of agents keep a stop <see cref="DistanceMin"/>–<see cref="DistanceMax"/> below their
/// average cost; a share of those round it down to a multiple of <see cref="RoundNumberStep"/>.
/// </summary>
public sealed record StopLossSpec(double Share, double DistanceMin, double DistanceMax, double RoundNumberStep, double RoundNumberShare)
{
    /// <summary>Whether each stop rests on the agent's home book as a stop-limit order (off: the agent holds it and fires it itself).</summary>
    public bool OnBook { get; init; }

    /// <summary>How far below its stop price (basis points of it) a stop-limit on the book may sell once triggered.</summary>
    public double LimitOffsetBps { get; init; } = 100;

    public static readonly StopLossSpec Default = new(0.5, 0.03, 0.1, 0, 0);
}

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
    double SkewBps)
{
    /// <summary>
    /// How much the spread and level spacing widen with realized volatility: they are multiplied by
    /// 1 + VolatilityWidening × (realized per-tick volatility in bps / 10).
    /// </summary>
    public double VolatilityWidening { get; init; }

    /// <summary>How far (in units) inventory may stray from its starting level before the maker stops quoting the side that adds to the gap; 0 = no limit.</summary>
    public double InventoryLimit { get; init; }

    /// <summary>Realized per-tick volatility (as a fraction) above which the maker withdraws entirely; 0 = never.</summary>
    public double WithdrawVolatility { get; init; }

    /// <summary>
    /// Share γ of each move of mid that the maker takes as news and keeps (Obizhaeva and Wang 2013): the rest is
    /// transient and its quotes' centre decays back toward the kept price at <see cref="Resilience"/> per tick.
    /// 1 (the default) re-centres on mid every tick: all impact permanent.
    /// </summary>
    public double PermanentImpact { get; init; } = Defaults.PermanentImpact;

    /// <summary>Fraction ρ of the transient deviation that decays each tick (0 … 1); used only when <see cref="PermanentImpact"/> is below 1.</summary>
    public double Resilience { get; init; } = Defaults.Resilience;

    /// <summary>
    /// Clearing rounds after its ladder was posted from which the maker, once its quotes have been hit, cancels
    /// and re-posts what is left of them around the round's last trade for the next round of the same tick;
    /// 0 (the default) never re-quotes inside a tick.
    /// </summary>
    public int RequoteDelayRounds { get; init; } = Defaults.RequoteDelayRounds;

    /// <summary>
    /// Fraction ρ_depth of the depth its quotes lost to trades that comes back each tick (0 … 1]: the side's missing
    /// depth decays as d ← (1 − ρ_depth)(d + consumed). 1 (the default) posts the whole ladder again every tick.
    /// </summary>
    public double DepthResilience { get; init; } = Defaults.DepthResilience;

    public static class Defaults
    {
        public const double Inventory = 0;
        public const double HalfSpreadBps = 5;
        public const int Levels = 10;
        public const double LevelStepBps = 10;
        public const double SkewBps = 20;
        public const double VolatilityWidening = 0;
        public const double InventoryLimit = 0;
        public const double WithdrawVolatility = 0;
        public const double PermanentImpact = 1;
        public const double Resilience = 0;
        public const int RequoteDelayRounds = 0;
        public const double DepthResilience = 1;
    }
}

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
    double MaxSlippageBps)
{
    /// <summary>Investor redemptions after losses; none by default.</summary>
    public RedemptionSpec Redemptions { get; init; } = RedemptionSpec.None;

    public static class Defaults
    {
        public const double TargetLeverage = 1;
        public const int Lookback = 20;
        public const double SignalScale = 0.02;
        public const double RebalanceThreshold = 0.1;
        public const double MaxSlippageBps = 50;
    }
}

/// <summary>
/// Investors who pull money after losses: at the start of each day, if the fund's equity fell by more
/// than <see cref="Trigger"/> over the previous day, they redeem <see cref="Rate"/> of what is left.
/// The cash leaves the market (counted as external by the conservation check).
/// </summary>
public sealed record RedemptionSpec(double Trigger, double Rate)
{
    public static readonly RedemptionSpec None = new(0, 0);

    /// <summary>What the reader fills in for a field left out: a trigger set, but nothing redeemed.</summary>
    public static readonly RedemptionSpec Default = new(0.05, 0);
}

/// <summary>
/// A value fund in the Thurner–Farmer–Geanakoplos (2012) form. Its leverage grows with the mispricing
/// m = (V − p)/V against the fundamental value V: λ = min(<see cref="Aggression"/> × m, <see cref="MaxLeverage"/>),
/// and it holds λ × equity / p units when the asset is underpriced, none otherwise. A prime broker
/// caps leverage at λmax: when a fall in price pushes leverage above the cap, the fund must sell in
/// the same tick what restores it — selling into the falling market that caused it.
/// </summary>
public sealed record ValueFundSpec(
    string Id,
    string Venue,
    string Instrument,
    double Capital,
    double FundamentalValue,
    double Aggression,
    double MaxLeverage,
    double RebalanceThreshold,
    double MaxSlippageBps)
{
    /// <summary>Investor redemptions after losses; none by default.</summary>
    public RedemptionSpec Redemptions { get; init; } = RedemptionSpec.None;

    public static class Defaults
    {
        public const double Aggression = 20;
        public const double MaxLeverage = 5;
        public const double RebalanceThreshold = 0.05;
        public const double MaxSlippageBps = 50;
    }
}

/// <summary>
/// A CTA programme: time-series momentum, the average sign of the returns over <see cref="Lookbacks"/>,
/// sized so the position's volatility is <see cref="TargetVolatility"/> of capital per tick (estimated over
/// <see cref="VolatilityLookback"/> ticks), capped at <see cref="MaxLeverage"/>.
/// </summary>
public sealed record CtaSpec(
    string Id,
    string Venue,
    string Instrument,
    double Capital,
    IReadOnlyList<int> Lookbacks,
    int VolatilityLookback,
    double TargetVolatility,
    double MaxLeverage,
    double RebalanceThreshold,
    double MaxSlippageBps)
{
    public static class Defaults
    {
        public static readonly IReadOnlyList<int> Lookbacks = [20, 60, 120];
        public const int VolatilityLookback = 60;
        public const double TargetVolatility = 0.002;
        public const double MaxLeverage = 3;
        public const double RebalanceThreshold = 0.1;
        public const double MaxSlippageBps = 50;
    }
}

/// <summary>
/// A leveraged or inverse ETF with daily leverage <see cref="Leverage"/> (3, −3, 2, −1 …) on an underlying,
/// holding its exposure through a margin account. At each day's close it trades the underlying so its
/// exposure is Leverage × AUM again: hedge = AUM × (L² − L) × daily return (Cheng and Madhavan 2009).
/// </summary>
public sealed record LeveragedEtfSpec(string Id, string Venue, string Instrument, double Aum, double Leverage, double MaxSlippageBps)
{
    public static class Defaults
    {
        public const double MaxSlippageBps = 100;
    }
}

/// <summary>
/// An institutional allocator that buys on valuation compression: once the price is more than
/// <see cref="DrawdownTrigger"/> below its running peak it buys <see cref="TrancheShare"/> of its
/// starting cash each tick, until the cash runs out.
/// </summary>
public sealed record AllocatorSpec(string Id, string Venue, string Instrument, double Cash, double DrawdownTrigger, double TrancheShare, double MaxSlippageBps)
{
    /// <summary>An ETF (by id) through which <see cref="EtfShare"/> of each tranche is invested, as ETF inflows.</summary>
    public string? Etf { get; init; }

    /// <summary>Share of each tranche that buys the ETF's shares instead of the instrument.</summary>
    public double EtfShare { get; init; } = Defaults.EtfShare;

    public static class Defaults
    {
        public const double DrawdownTrigger = 0.1;
        public const double TrancheShare = 0.02;
        public const double MaxSlippageBps = 30;
        public const double EtfShare = 0;
    }
}

/// <summary>
/// A cross-venue arbitrageur with limited capital on each of two venues. When one venue's best bid
/// exceeds the other's best ask by more than <see cref="ThresholdBps"/>, it buys on the cheap venue and
/// sells on the rich one, up to <see cref="TradeSize"/> and what its cash and units on each side allow.
/// Moving units and cash back between venues takes <see cref="TransferDelay"/> ticks, during which they
/// are on neither venue — which is why a premium between venues persists.
/// </summary>
public sealed record ArbitrageurSpec(
    string Id,
    string Instrument,
    IReadOnlyList<string> Venues,
    double Cash,
    double Inventory,
    double ThresholdBps,
    double TradeSize,
    int TransferDelay)
{
    public static class Defaults
    {
        public const double ThresholdBps = 20;
        public const int TransferDelay = 6;
    }
}

/// <summary>
/// An ETF whose shares (instrument <see cref="Shares"/>) trade on <see cref="ShareVenue"/>, each backed by
/// <see cref="UnitsPerShare"/> of <see cref="Underlying"/>. It is two participants: its investors, who
/// hold the shares and buy or sell them when the event timeline sends them flows (named by the ETF's
/// id), and its issuer with an authorized participant (AP), who arbitrages the share price against NAV:
/// above NAV by more than <see cref="ThresholdBps"/> it sells shares and buys the underlying, below it buys
/// shares and sells the underlying; at each tick's close the AP creates shares from the underlying it
/// bought, or redeems the shares it bought for underlying, so its inventory returns to where it started.
/// </summary>
public sealed record EtfSpec(
    string Id,
    string Shares,
    string Underlying,
    string ShareVenue,
    string UnderlyingVenue,
    double UnitsPerShare,
    double SharesOutstanding,
    double InvestorCash,
    double ApCash,
    double ApShares,
    double ApUnits,
    double ThresholdBps,
    double MaxCreation,
    double MaxSlippageBps)
{
    /// <summary>
    /// Whether the AP takes NAV on the underlying's mid instead of its last trade (off: the last trade). The last trade
    /// bounces between the bid and the ask, and a share price held to NAV bounces with it.
    /// </summary>
    public bool NavOnMid { get; init; }

    public static class Defaults
    {
        public const double InvestorCash = 0;
        public const double ThresholdBps = 10;
        public const double MaxSlippageBps = 30;
    }
}
