using MarketSim.Engine.Contracts;
using MarketSim.Engine.Participants.Retail;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.PriceFormation;

public sealed class ActivityFeedbackTests
{
    private static readonly ActivityFeedbackSpec Feedback = new(Weight: 0.8, ShortLookback: 4, LongLookback: 20, MaxMultiple: 5);

    [Fact]
    public void A_book_that_never_moved_keeps_the_base_activity()
    {
        Assert.Equal(1, HomeVenue.ActivityMultiple(Quote(Enumerable.Repeat(1_000L, 21)), Feedback));
    }

    [Fact]
    public void A_calm_last_stretch_after_a_volatile_one_lowers_activity_to_one_minus_the_weight()
    {
        // Alternating closes, then five flat ones: σ over the last 4 ticks is 0, so m = 1 − 0.8.
        long[] closes = [.. Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? 1_000L : 1_010L), .. Enumerable.Repeat(1_000L, 5)];

        Assert.Equal(0.2, HomeVenue.ActivityMultiple(Quote(closes), Feedback), 12);
    }

    [Fact]
    public void Volatility_as_high_as_the_long_run_keeps_the_base_activity()
    {
        // The same alternation throughout, returns ±r of mean 0: σ_short² = 4r²/3 and σ_long² = 20r²/19 (sample
        // variances), so m = 0.2 + 0.8 × (4/3) / (20/19): about 1, the n − 1 of short samples aside.
        var closes = Enumerable.Range(0, 21).Select(i => i % 2 == 0 ? 1_000L : 1_010L);

        Assert.Equal(0.2 + (0.8 * (4.0 / 3) / (20.0 / 19)), HomeVenue.ActivityMultiple(Quote(closes), Feedback), 9);
    }

    [Fact]
    public void A_burst_after_a_calm_day_is_capped_at_the_maximum_multiple()
    {
        // Four returns of ±r in 20: σ_short² = 4r²/3, σ_long² = 4r²/19, m = 0.2 + 0.8 × 19/3 = 5.27 → 5.
        long[] closes = [.. Enumerable.Repeat(1_000L, 16), 1_000, 1_030, 1_000, 1_030, 1_000];

        Assert.Equal(5, HomeVenue.ActivityMultiple(Quote(closes), Feedback));
    }

    private static BookQuote Quote(IEnumerable<long> closes)
    {
        var array = closes.ToArray();
        return new BookQuote(0, array[^1], 0, 0, array);
    }
}
