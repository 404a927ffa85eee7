using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Retail;

/// <summary>
/// A venue some of a cohort's agents live on, with what they all read from it in one tick: computed
/// once per tick and venue, not once per agent.
/// </summary>
internal sealed class HomeVenue(MarketLayout layout, int venue, int instrument, double share, long roundStep)
{
    public int Venue { get; } = venue;
    public Instrument Instrument { get; } = layout.Instruments[instrument];
    public int Book { get; } = layout.Book(venue, instrument).Index;
    public double Share { get; } = share;

    /// <summary>Round-number grid for stops, in ticks (0: none).</summary>
    public long RoundStep { get; } = roundStep;

    /// <summary>Fee rate (per million) reserved on a buy so it never overdraws: the larger of maker and taker.</summary>
    public long FeeReserve { get; } = Money.RatePerMillion(Math.Max(layout.Scenario.Venues[venue].TakerFeeBps, layout.Scenario.Venues[venue].MakerFeeBps));

    public double MaintenanceMargin { get; } = layout.Scenario.Venues[venue].MaintenanceMargin;

    /// <summary>The most leverage this venue lends: 1 / initial margin (1 on a venue without margin).</summary>
    public double MaxLeverage { get; } = 1 / layout.Scenario.Venues[venue].InitialMargin;

    /// <summary>Mid, trend return, noise buy probability, dip return and the order builder for this tick.</summary>
    public (double Mid, double TrendReturn, double BuyChance, double DipReturn, OrderBatchBuilder Orders) Today { get; private set; }

    public void Observe(MarketSnapshot snapshot, RetailSpec spec, int ticksPerDay, OrderRouter router)
    {
        var quote = snapshot.Books[Book];
        var mid = (double)quote.Mid;
        var buyChance = Math.Clamp(0.5 + snapshot.Sentiment + (spec.Noise.ValueTilt * Math.Log(Instrument.InitialPrice / mid)), 0.05, 0.95);
        Today = (mid, quote.Return(spec.Trend.Lookback), buyChance, quote.Return(spec.DipBuying.LookbackDays * ticksPerDay), router.To(Venue));
    }
}
