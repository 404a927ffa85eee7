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

    /// <summary>The book as the previous tick closed it, for agents with a lookback of their own.</summary>
    public BookQuote Quote { get; private set; } = null!;

    /// <summary>The chance an agent of this venue is active this tick: the cohort's activity, scaled by recent volatility when that feedback is on.</summary>
    public double Activity { get; private set; }

    public void Observe(MarketSnapshot snapshot, RetailSpec spec, int ticksPerDay, OrderRouter router)
    {
        var quote = snapshot.Books[Book];
        Quote = quote;
        Activity = spec.ActivityFeedback.IsOn ? Math.Min(1, spec.Activity * ActivityMultiple(quote, spec.ActivityFeedback)) : spec.Activity;
        var mid = (double)quote.Mid;
        var buyChance = Math.Clamp(0.5 + snapshot.Sentiment + (spec.Noise.ValueTilt * Math.Log(Instrument.InitialPrice / mid)), 0.05, 0.95);
        Today = (mid, quote.Return(spec.Trend.Lookback), buyChance, quote.Return(spec.DipBuying.LookbackDays * ticksPerDay), router.To(Venue));
    }

    /// <summary>
    /// m = (1 − w) + w × (σ_short / σ_long)², within [0, max]: more agents trade after a volatile stretch than its
    /// long-run level, fewer after a calm one. 1 while the long window has seen no movement.
    /// </summary>
    public static double ActivityMultiple(BookQuote quote, ActivityFeedbackSpec feedback)
    {
        var slow = quote.RealizedVolatility(feedback.LongLookback);
        if (!(slow > 0))
        {
            return 1;
        }

        var ratio = quote.RealizedVolatility(feedback.ShortLookback) / slow;
        return Math.Clamp((1 - feedback.Weight) + (feedback.Weight * ratio * ratio), 0, feedback.MaxMultiple);
    }
}
