using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Traces;

/// <summary>Small deterministic traces and run metadata for the trace tests.</summary>
internal static class SampleTraces
{
    public static readonly string[] Venues = ["alpha", "beta"];
    public static readonly string[] Instruments = ["BTC-USD", "ETH-USD"];
    public static readonly string[] ParticipantClasses = ["fund", "market_maker", "retail"];

    /// <summary>
    /// A trace of <paramref name="ticks"/> ticks over every venue, instrument and participant class.
    /// Values are multiples of 1/8, so sums are exact in any order and in any tool.
    /// </summary>
    public static Trace Create(int ticks = 3)
    {
        var trace = new Trace();
        for (var tick = 0L; tick < ticks; tick++)
        {
            var market = new List<MarketRow>();
            var liquidations = new List<LiquidationRow>();
            foreach (var venue in Venues)
            {
                foreach (var instrument in Instruments)
                {
                    var n = market.Count + (tick * 8);
                    var open = 100 + (n * 0.125);
                    market.Add(new MarketRow(
                        tick, venue, instrument, open, open + 1.5, open - 0.75, open + 0.25,
                        Volume: 10 + n, Notional: (10 + n) * open, Trades: 3 + n,
                        BestBid: open, BestAsk: open + 0.125, BidDepth: 40 + n, AskDepth: 38.5 + n, CascadeRounds: (int)(n % 3),
                        Reserves: 1_000 + n, Premium: (n % 5) * 0.001, RealizedVolatility: 40 + n, ImpliedVolatility: 45.5 + n, VolOfVol: 90 + (n % 7), Mid: open + 0.0625,
                        Orders: 20 + n, Cancels: n % 6, StopTriggers: n % 4, TakerNet: (n % 9) - 4.5));
                    liquidations.Add(new LiquidationRow(
                        tick, venue, instrument, CascadeRounds: (int)(n % 3), StopOrders: n % 4, StopVolume: 0.5 * n, StopNotional: 0.5 * n * open,
                        MarginLiquidations: n % 2, MarginVolume: 0.25 * n, MarginNotional: 0.25 * n * open, InsuranceFund: 1_000_000 - n, InsurancePayout: n * 0.375));
                }
            }

            var flows = new List<FlowRow>();
            foreach (var participantClass in ParticipantClasses)
            {
                foreach (var instrument in Instruments)
                {
                    var n = flows.Count + (tick * 8);
                    flows.Add(new FlowRow(tick, participantClass, instrument, 5 + n, 4.5 + (n / 2.0), 0.5 + (n / 2.0), 500 + n, 450.25 + n, 49.75));
                }
            }

            var costBasis = new List<CostBasisRow>();
            var resonance = new List<ResonanceRow>();
            var triggers = new List<TriggerRow>();
            var resting = new List<RestingLevelRow>();
            foreach (var instrument in Instruments)
            {
                foreach (var participantClass in ParticipantClasses)
                {
                    var n = costBasis.Count + (tick * 8);
                    var mean = 100 + (n * 0.125);
                    costBasis.Add(new CostBasisRow(
                        tick, participantClass, instrument, Holders: 10 + n, Units: 2.5 + n, MeanCost: mean,
                        Q10: mean - 2, Q25: mean - 1, Q50: mean, Q75: mean + 1, Q90: mean + 2.5, UnderwaterHolders: (n % 8) * 0.125, UnderwaterUnits: (n % 4) * 0.25));
                }

                var r = resonance.Count + (tick * 2);
                resonance.Add(new ResonanceRow(
                    tick, instrument, Price: 99 + r, RetailUnits: 50 + r, InstitutionalUnits: 20.5 + r,
                    RetailMean: 100 + r, RetailQ25: 99.5 + r, RetailQ50: 100 + r, RetailQ75: 100.5 + r,
                    InstitutionalMean: 101 + r, InstitutionalQ25: 100.25 + r, InstitutionalQ50: 101 + r, InstitutionalQ75: 101.75 + r,
                    RetailUnderwater: 0.75, InstitutionalUnderwater: 0.625, Overlap: 0.5 + (r % 2 * 0.125), UnderwaterOverlap: 0.375, Resonance: (int)(r % 2)));
                foreach (var venue in Venues)
                {
                    for (var level = 0; level < 2; level++)
                    {
                        var n = triggers.Count + (tick * 8);
                        triggers.Add(new TriggerRow(
                            tick, venue, instrument, Level: 95 + (level * 0.5), StopOrders: 1 + n, StopOrderedVolume: 0.5 * (1 + n), MarginOrders: n % 3,
                            MarginOrderedVolume: 0.25 * (n % 3), StopFilledVolume: 0.375 * (1 + n), MarginFilledVolume: 0.125 * (n % 3)));
                        resting.Add(new RestingLevelRow(
                            tick, venue, instrument, Level: 90 + (level * 0.5), Stops: 3 + n, StopVolume: 0.25 * (3 + n), Liquidations: n % 4, LiquidationVolume: 0.5 * (n % 4)));
                    }
                }
            }

            trace.Add(new TickRecord(tick, market, liquidations, flows, new ConservationCheck(0, 0, [], []))
            {
                CostBasis = costBasis,
                Resonance = resonance,
                Triggers = triggers,
                RestingLevels = resting,
            });
        }

        return trace;
    }

    public static RunManifest Manifest(string runId = "run-1") => new(
        runId,
        Scenario: "flash-crash",
        ScenarioFile: "scenarios/flash-crash.yaml",
        Seed: 42,
        Ticks: 3,
        Engine: "local",
        Silos: 1,
        CohortSize: 1000,
        MarketSimVersion: "0.1.0",
        OrleansVersion: "10.4.2",
        DotnetVersion: "10.0.0",
        StartedAt: new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        FinishedAt: new DateTimeOffset(2025, 1, 2, 3, 4, 9, TimeSpan.Zero),
        TraceHash: "",
        Files: []);

    public static RunSummary Summary(string runId = "run-1") => new(
        runId,
        Ticks: 3,
        Books: [new BookSummary("alpha", "BTC-USD", 100, 96.5, 0.0625, 1234.5)],
        StopNotional: 10.5,
        MarginLiquidatedNotional: 2.25,
        CascadeTicks: 1,
        MaxCascadeRounds: 2,
        Conserved: true,
        ConservationViolations: 0,
        TraceHash: "");
}
