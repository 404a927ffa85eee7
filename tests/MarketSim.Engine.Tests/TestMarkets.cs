using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests;

/// <summary>Small scenarios built in code, so engine tests do not depend on the YAML reader.</summary>
internal static class TestMarkets
{
    public static Scenario Small(long seed = 7, long retail = 5_000, int cohortSize = 1_000, int ticks = 100) => new(
        Name: "test",
        Description: "",
        Seed: seed,
        Ticks: ticks,
        Cascade: new CascadeSpec(8),
        Instruments: [new InstrumentSpec("BTC", 1m, 0.001m, 100_000m)],
        Venues: [new VenueSpec("spot", ["BTC"], TakerFeeBps: 5, MakerFeeBps: 1, InitialMargin: 0.1, MaintenanceMargin: 0.05, LiquidationFeeBps: 50, InsuranceFund: 1_000_000)],
        Retail: new RetailSpec(
            Count: retail,
            CohortSize: cohortSize,
            Venue: "spot",
            Instrument: "BTC",
            Capital: new CapitalSpec(1_000, 1.5, 10_000_000),
            InvestedShare: 0.5,
            Activity: 0.05,
            Mix: new BehaviourMix(0.7, 0.3),
            Noise: new NoiseSpec(0.1, 30, 0.5),
            Trend: new TrendSpec(10, 0.002, 0.2, 40),
            StopLoss: new StopLossSpec(0.5, 0.02, 0.08, 1_000, 0.6)),
        MarketMakers: [new MarketMakerSpec("mm1", "spot", "BTC", Cash: 20_000_000, Inventory: 200, HalfSpreadBps: 5, Levels: 10, LevelStepBps: 10, SizePerLevel: 1, SkewBps: 20)],
        Funds: [new FundSpec("mom1", FundKind.Momentum, "spot", "BTC", Capital: 1_000_000, TargetLeverage: 8, Lookback: 20, SignalScale: 0.01, RebalanceThreshold: 0.1, MaxSlippageBps: 50)]);
}
